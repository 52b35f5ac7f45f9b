using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Triage;

public sealed record SuggestRequest(string? Title, string? Content, string? CitizenPhone, string? Address, long? RegionUnitId, long? CategoryId);

public sealed record TriageModelView(long Id, string Kind, int Version, DateTimeOffset TrainedAt, int TrainCount, double? CvMacroF1,
    int LabelCount, bool InUse);

/// <summary>智能分诊: suggestions while registering or dispatching, retraining and the model list.</summary>
public static class TriageApi
{
    public static void MapTriageApi(this IEndpointRouteBuilder app)
    {
        var desk = new[] { nameof(Role.Operator), nameof(Role.Dispatcher) };
        var g = app.MapGroup("/api").WithTags("智能分诊");
        g.MapPost("/triage/suggest", Suggest).RequireAuthorization(p => p.RequireRole(desk));
        g.MapGet("/appeals/{id:long}/suggestions", ForAppeal).RequireAuthorization(p => p.RequireRole(desk));
        g.MapPost("/triage/retrain", Retrain).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin)));
        g.MapGet("/triage/models", Models).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin), nameof(Role.Analyst)));
        app.MapRoutingAdminApi();
    }

    private static async Task<TriageSuggestionsView> Suggest(SuggestRequest b, TriageSuggestions suggestions, UnitTree units,
        MinshengDb db, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Text("title", b.Title, "标题", AppealDraft.TitleMax, required: false)
            .Text("content", b.Content, "诉求内容", AppealDraft.ContentMax, required: false)
            .Text("address", b.Address, "地址", AppealDraft.AddressMax, required: false);
        if (string.IsNullOrWhiteSpace(b.Title) && string.IsNullOrWhiteSpace(b.Content)) errors.Add("content", "请填写标题或诉求内容。");
        if (!string.IsNullOrWhiteSpace(b.CitizenPhone) && !PhoneNumber.IsValid(b.CitizenPhone)) errors.Add("citizenPhone", "联系电话格式不正确。");
        if (b.RegionUnitId is { } r && units.Find(r) is null) errors.Add("regionUnitId", "所选区域不存在。");
        if (b.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct)) errors.Add("categoryId", "所选分类不存在。");
        errors.ThrowIfAny();
        return await suggestions.SuggestAsync(new SuggestionInput(b.Title?.Trim() ?? "", b.Content?.Trim() ?? "", b.CitizenPhone,
            b.Address, b.RegionUnitId, b.CategoryId, null), ct);
    }

    private static async Task<Results<Ok<TriageSuggestionsView>, NotFound<ProblemDetails>>> ForAppeal(long id, AppealCommands commands,
        AppealPresenter presenter, TriageSuggestions suggestions, CancellationToken ct)
    {
        if (await commands.LoadAsync(id, ct) is not { } a) return AppealsApi.NotFoundProblem(id);
        var phone = presenter.MaySeeComplainant(a) ? a.CitizenPhone : null;
        return TypedResults.Ok(await suggestions.SuggestAsync(
            new SuggestionInput(a.Title, a.Content, phone, a.Address, a.RegionUnitId, a.CategoryId, a.Id), ct));
    }

    private static async Task<Ok<IReadOnlyList<TrainOutcome>>> Retrain(TriageTraining training, CancellationToken ct) =>
        TypedResults.Ok(await training.RetrainAsync(ct));

    private static async Task<List<TriageModelView>> Models(MinshengDb db, TriageService triage, CancellationToken ct)
    {
        var rows = await db.TriageModels.AsNoTracking().OrderBy(m => m.Kind).ThenByDescending(m => m.Version)
            .Select(m => new { m.Id, m.Kind, m.Version, m.TrainedAt, m.TrainCount, m.CvMacroF1, m.Labels })
            .ToListAsync(ct);
        return rows.Select(m => new TriageModelView(m.Id, m.Kind, m.Version, m.TrainedAt, m.TrainCount, m.CvMacroF1,
            JsonSerializer.Deserialize<string[]>(m.Labels)?.Length ?? 0, triage.Model(m.Kind)?.Id == m.Id)).ToList();
    }
}
