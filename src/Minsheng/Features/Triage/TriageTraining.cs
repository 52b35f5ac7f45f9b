using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Triage;
using Minsheng.Features.Audit;

namespace Minsheng.Features.Triage;

/// <summary>What one retrain did for one kind: a stored version, or why none was stored.</summary>
public sealed record TrainOutcome(string Kind, int? Version, int TrainCount, int Classes, double? CvMacroF1, string Message);

/// <summary>
/// Learns the classifiers from this deployment's own appeals. The label is the stored category id, not
/// its name or level-1 ancestor: a dispatcher can accept the suggestion straight into the appeal, ids
/// survive renames, and leaf names may repeat under different parents. Only appeals a dispatcher has
/// confirmed count (dispatched or later, not invalid): at registration the category is a first guess.
/// </summary>
public sealed class TriageTraining(MinshengDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>A class needs a few examples to be learned, and three for the calibration folds.</summary>
    public const int MinPerClass = 3;
    /// <summary>The most recent appeals only: bounds memory and time, and recent wording matters most.</summary>
    public const int MaxTrainingAppeals = 20_000;
    /// <summary>Cross-validation trains five more models; above this size the score is left out.</summary>
    public const int MaxCrossValidated = 5_000;

    private static readonly AppealStatus[] Unconfirmed = [AppealStatus.Registered, AppealStatus.PendingDispatch, AppealStatus.Invalid];

    public async Task<IReadOnlyList<TrainOutcome>> RetrainAsync(string actor, TriageSettings settings, CancellationToken ct)
    {
        var rows = await db.Appeals.AsNoTracking()
            .Where(a => !Unconfirmed.Contains(a.Status))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(MaxTrainingAppeals)
            .Select(a => new { a.Title, a.Content, a.CategoryId, a.Type })
            .ToListAsync(ct);
        var byCategory = rows.Where(r => r.CategoryId is not null)
            .Select(r => new TriageDocument(r.Title, r.Content, r.CategoryId!.Value.ToString(CultureInfo.InvariantCulture))).ToList();
        var byType = rows.Select(r => new TriageDocument(r.Title, r.Content, r.Type.ToString())).ToList();
        var outcomes = new List<TrainOutcome>
        {
            await TrainOneAsync(TriageModelRow.CategoryKind, byCategory, settings, ct),
            await TrainOneAsync(TriageModelRow.TypeKind, byType, settings, ct),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(actor, "triage.retrain", "triage_models", null,
            string.Join("；", outcomes.Select(o => $"{o.Kind}: {o.Message}")), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcomes;
    }

    private async Task<TrainOutcome> TrainOneAsync(string kind, List<TriageDocument> docs, TriageSettings settings, CancellationToken ct)
    {
        var kept = docs.GroupBy(d => d.Label).Where(g => g.Count() >= MinPerClass).SelectMany(g => g).ToList();
        var classes = kept.Select(d => d.Label).Distinct().Count();
        var name = kind == TriageModelRow.CategoryKind ? "分类模型" : "诉求性质模型";
        if (kept.Count < settings.MinTrainingAppeals || classes < 2)
            return new TrainOutcome(kind, null, kept.Count, classes, null,
                $"{name}未训练：已派单的诉求中可用样本 {kept.Count} 条、{classes} 类（每类至少 {MinPerClass} 条），至少需要 {settings.MinTrainingAppeals} 条、2 类。");

        // Training is CPU-bound for seconds on a large county; keep it off the request thread.
        var (model, cv) = await Task.Run(() =>
        {
            var options = new TriageOptions();
            var trained = TriageTrainer.Train(kept, options);
            double? score = null;
            var folds = Math.Min(5, kept.GroupBy(d => d.Label).Min(g => g.Count()));
            if (kept.Count <= MaxCrossValidated && folds >= 2)
                score = CrossValidation.Run(kept, options with { CalibrationFolds = 0 }, folds).MeanMacroF1;
            return (trained, score);
        }, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = (await db.TriageModels.Where(m => m.Kind == kind).MaxAsync(m => (int?)m.Version, ct) ?? 0) + 1;
        db.TriageModels.Add(new TriageModelRow
        {
            Kind = kind, Version = version, TrainedAt = clock.GetUtcNow(), TrainCount = kept.Count,
            CvMacroF1 = cv is { } c && double.IsFinite(c) ? c : null, Bytes = model.ToBytes(), Labels = JsonSerializer.Serialize(model.Labels),
        });
        await db.SaveChangesAsync(ct);
        var stale = await db.TriageModels.Where(m => m.Kind == kind).OrderByDescending(m => m.Version)
            .Skip(Math.Max(1, settings.KeepVersions)).Select(m => m.Id).ToListAsync(ct);
        if (stale.Count > 0) await db.TriageModels.Where(m => stale.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        var f1 = cv is { } v ? $"，交叉验证宏 F1 {v:F3}" : "";
        return new TrainOutcome(kind, version, kept.Count, classes, cv, $"{name}第 {version} 版：{kept.Count} 条样本、{classes} 类{f1}。");
    }
}
