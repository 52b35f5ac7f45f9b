using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Knowledge;

/// <summary>知识库: the desk searches it while a caller talks; admins write it.</summary>
public static class KnowledgeApi
{
    public static void MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var admin = new[] { nameof(Role.Admin) };
        var g = app.MapGroup("/api/knowledge").WithTags("知识库");
        g.MapGet("/", Search).RequireAuthorization(p => p.RequireRole(nameof(Role.Operator), nameof(Role.Dispatcher), nameof(Role.Admin)));
        g.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(admin));
        g.MapPut("/{id:long}", Update).RequireAuthorization(p => p.RequireRole(admin));
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(p => p.RequireRole(admin));
    }

    /// <summary>With q: the best active articles for it, scored. Without: every article (inactive ones for admins only).</summary>
    private static async Task<IReadOnlyList<KnowledgeView>> Search(string? q, int? limit, KnowledgeBase kb, CurrentUser me, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q)
            ? await kb.ListAsync(includeInactive: me.Role == Role.Admin, ct)
            : await kb.SearchAsync(q, limit ?? 5, ct);

    private static async Task<Created<KnowledgeView>> Create(KnowledgeInput body, KnowledgeBase kb, CancellationToken ct)
    {
        var view = await kb.CreateAsync(body, ct);
        return TypedResults.Created($"/api/knowledge/{view.Id}", view);
    }

    private static async Task<Results<Ok<KnowledgeView>, NotFound<ProblemDetails>>> Update(long id, KnowledgeInput body, KnowledgeBase kb, CancellationToken ct) =>
        await kb.UpdateAsync(id, body, ct) is { } view ? TypedResults.Ok(view) : Missing(id);

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Delete(long id, KnowledgeBase kb, CancellationToken ct) =>
        await kb.DeleteAsync(id, ct) ? TypedResults.NoContent() : Missing(id);

    private static NotFound<ProblemDetails> Missing(long id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "知识条目不存在", Detail = $"找不到编号为 {id} 的知识条目。" });
}
