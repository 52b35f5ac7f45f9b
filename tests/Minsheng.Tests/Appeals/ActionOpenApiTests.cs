using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals.Actions;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

/// <summary>
/// The workflow actions as a client learns them: one descriptor per action of the domain's table, and in
/// /openapi/v1.json one operation per action with its own body, the fields that body requires, and every answer it can give.
/// </summary>
public sealed class ActionOpenApiTests
{
    [Fact]
    public void Every_workflow_action_but_register_has_exactly_one_descriptor()
    {
        foreach (var rule in Workflow.Table)
            WorkflowActions.All.Count(d => d.Records.ContainsKey(rule.Action)).ShouldBe(1, $"descriptors recording {rule.Action}");
        WorkflowActions.All.ShouldNotContain(d => d.Records.ContainsKey(AppealAction.Register));
        WorkflowActions.All.SelectMany(d => d.Records.Keys).Order().ShouldBe(Workflow.Table.Select(t => t.Action).Order());
        WorkflowActions.All.Select(d => d.Slug).ShouldBeUnique();
        WorkflowActions.All.Select(d => d.RequestType).ShouldBeUnique();
        foreach (var d in WorkflowActions.All) d.Records.Keys.ShouldContain(d.Action);
    }

    [Fact]
    public void Required_fields_are_what_an_empty_body_is_refused_for()
    {
        WorkflowActions.Dispatch.RequiredFields.ShouldBe(["leadUnitId"]);
        WorkflowActions.Extension.RequiredFields.ShouldBe(["days", "reason"], ignoreOrder: true);
        WorkflowActions.Callback.RequiredFields.ShouldBe(["outcome"]);
        WorkflowActions.Contact.RequiredFields.ShouldBe(["comment"]);
        WorkflowActions.Reply.RequiredFields.ShouldBe(["content"]);
        WorkflowActions.Claim.RequiredFields.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_action_has_its_own_request_schema_and_declares_400_403_404_and_409()
    {
        await using var app = await TestApp.StartAsync();
        var document = await app.Anonymous().Expect("/openapi/v1.json");
        var schemas = document["components"]!["schemas"]!;
        var seen = new HashSet<string>();
        foreach (var action in WorkflowActions.All)
        {
            var operation = document["paths"]![$"/api/appeals/{{id}}/{action.Slug}"]?["post"];
            operation.ShouldNotBeNull($"POST /api/appeals/{{id}}/{action.Slug} is missing");
            var reference = operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            reference.ShouldBe($"#/components/schemas/{action.RequestType.Name}");
            seen.Add(reference).ShouldBeTrue($"{action.Slug} shares its body schema");

            var schema = schemas[action.RequestType.Name]!;
            var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
            properties.ShouldContain("version");
            var required = schema["required"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [];
            required.ShouldBe(action.RequiredFields, ignoreOrder: true, $"required fields of {action.Slug}");
            foreach (var field in required) properties.ShouldContain(field);

            var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            responses.ShouldBe(["200", "400", "403", "404", "409"], ignoreOrder: true, $"answers of {action.Slug}");
            operation["summary"]!.GetValue<string>().ShouldBe(action.Label);
        }
    }

    [Fact]
    public async Task An_empty_body_is_answered_400_naming_exactly_the_required_fields()
    {
        await using var app = await TestApp.StartAsync();
        var dispatcher = await app.ClientFor("dispatcher");
        var id = await dispatcher.NewAppeal(app.County);
        foreach (var action in WorkflowActions.All)
        {
            var response = await dispatcher.Post($"/api/appeals/{id}/{action.Slug}", new { });
            if (action.RequiredFields.Count == 0)
            {
                // Nothing to fill in: the role or the status refuses it instead (the dispatcher's appeal is only registered).
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Conflict], action.Slug);
                continue;
            }
            var problem = await Task.FromResult(response).Expect(HttpStatusCode.BadRequest);
            problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(action.RequiredFields, ignoreOrder: true, $"errors of {action.Slug}");
        }
        // None of those refusals changed the appeal.
        (await dispatcher.Expect($"/api/appeals/{id}"))["summary"]!["status"]!.GetValue<string>().ShouldBe("Registered");
    }
}
