using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Organization;

namespace Minsheng.Features.Accountability;

public sealed record LeadView(long Id, LeadRule Rule, string RuleLabel, long AppealId, string? UnitName, string Summary,
    long[] EvidenceAppealIds, long[] EvidenceTimelineIds, LeadStatus Status, string StatusLabel, AccountabilityMeasure? Measure,
    string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset CreatedAt, int Version);

public sealed record ConfirmLeadRequest(AccountabilityMeasure? Measure, string? Comment);

public sealed record DismissLeadRequest(string? Reason);

public sealed record ExposureView(string Unit, string Summary, string Measure, DateTimeOffset PublishedAt);

/// <summary>问责线索 over HTTP: supervisors decide, leaders approve publication; the public reads the 曝光台.</summary>
public static class LeadsApi
{
    public static void MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("问责线索")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor), nameof(Role.Leader)));
        group.MapGet("/", (string? status, Leads leads, CancellationToken ct) => leads.ListAsync(status, ct));
        group.MapPost("/{id:long}/confirm", async (long id, ConfirmLeadRequest b, Leads leads, CancellationToken ct) =>
            Found(await leads.ConfirmAsync(id, b.Measure, b.Comment, ct))).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/dismiss", async (long id, DismissLeadRequest b, Leads leads, CancellationToken ct) =>
            Found(await leads.DismissAsync(id, b.Reason, ct))).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/request-publication", async (long id, Leads leads, CancellationToken ct) =>
            Found(await leads.RequestPublicationAsync(id, ct))).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/approve-publication", async (long id, Leads leads, CancellationToken ct) =>
            Found(await leads.ApprovePublicationAsync(id, ct))).RequireAuthorization(p => p.RequireRole(nameof(Role.Leader)));
        app.MapGet("/api/public/exposure", (Leads leads, CancellationToken ct) => leads.ExposedAsync(ct)).AllowAnonymous().WithTags("公众");
    }

    private static Results<Ok<LeadView>, NotFound<ProblemDetails>> Found(LeadView? lead) =>
        lead is null ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "线索不存在" }) : TypedResults.Ok(lead);
}
