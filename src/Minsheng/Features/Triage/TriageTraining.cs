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
public sealed class TriageTraining(MinshengDb db, AuditedCommit commit, TriageService triage, TimeProvider clock)
{
    /// <summary>A class needs a few examples to be learned, and three for the calibration folds.</summary>
    public const int MinPerClass = 3;
    /// <summary>The most recent appeals only: bounds memory and time, and recent wording matters most.</summary>
    public const int MaxTrainingAppeals = 20_000;
    /// <summary>Cross-validation trains five more models; above this size the score is left out.</summary>
    public const int MaxCrossValidated = 5_000;

    private static readonly AppealStatus[] Unconfirmed = [AppealStatus.Registered, AppealStatus.PendingDispatch, AppealStatus.Invalid];

    /// <summary>A model trained for one kind, or why none was (Model null).</summary>
    private sealed record Trained(string Kind, string Name, int Count, int Classes, TriageModel? Model, double? Cv, string? Skipped);

    /// <summary>Trains both models from this deployment's appeals, stores new versions and switches to them.</summary>
    public async Task<IReadOnlyList<TrainOutcome>> RetrainAsync(CancellationToken ct)
    {
        var settings = triage.Settings;
        var rows = await db.Appeals.AsNoTracking()
            .Where(a => !Unconfirmed.Contains(a.Status))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(MaxTrainingAppeals)
            .Select(a => new { a.Title, a.Content, a.CategoryId, a.Type })
            .ToListAsync(ct);
        var byCategory = rows.Where(r => r.CategoryId is not null)
            .Select(r => new TriageDocument(r.Title, r.Content, r.CategoryId!.Value.ToString(CultureInfo.InvariantCulture))).ToList();
        var byType = rows.Select(r => new TriageDocument(r.Title, r.Content, r.Type.ToString())).ToList();
        var taxonomy = await CategoryTaxonomyAsync(ct);
        // Trained before the transaction opens: training takes seconds and must not hold the database's write lock.
        Trained[] trained = [await TrainAsync(TriageModelRow.CategoryKind, byCategory, settings, ct, taxonomy), await TrainAsync(TriageModelRow.TypeKind, byType, settings, ct)];
        var outcomes = await commit.RunAsync(async notes =>
        {
            var list = new List<TrainOutcome>();
            foreach (var t in trained) list.Add(await StoreAsync(t, settings, ct));
            notes.Record(AuditActions.TriageRetrain, null, string.Join("；", list.Select(o => $"{o.Kind}: {o.Message}")));
            return list;
        }, ct);
        triage.Invalidate();
        return outcomes;
    }

    /// <summary>
    /// The deployment's category tree as taxonomy rows (root, parent, category): its names become terms the
    /// category model matches in every text, each also voting for its root category (see TriageOptions.Taxonomy).
    /// </summary>
    private async Task<List<TaxonomyRow>> CategoryTaxonomyAsync(CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var byId = all.ToDictionary(c => c.Id);
        string RootOf(long id)
        {
            var c = byId[id];
            for (var hops = 0; c.ParentId is { } p && byId.ContainsKey(p) && hops < 16; hops++) c = byId[p];
            return c.Name;
        }
        return all.Where(c => c.ParentId is not null && byId.ContainsKey(c.ParentId.Value))
            .Select(c => new TaxonomyRow(RootOf(c.Id), byId[c.ParentId!.Value].Name, c.Name)).ToList();
    }

    private static async Task<Trained> TrainAsync(string kind, List<TriageDocument> docs, TriageSettings settings, CancellationToken ct,
        IReadOnlyList<TaxonomyRow>? taxonomy = null)
    {
        var kept = docs.GroupBy(d => d.Label).Where(g => g.Count() >= MinPerClass).SelectMany(g => g).ToList();
        var classes = kept.Select(d => d.Label).Distinct().Count();
        var name = kind == TriageModelRow.CategoryKind ? "分类模型" : "诉求性质模型";
        if (kept.Count < settings.MinTrainingAppeals || classes < 2)
            return new Trained(kind, name, kept.Count, classes, null, null,
                $"{name}未训练：已派单的诉求中可用样本 {kept.Count} 条、{classes} 类（每类至少 {MinPerClass} 条），至少需要 {settings.MinTrainingAppeals} 条、2 类。");

        // Training is CPU-bound for seconds on a large county; keep it off the request thread.
        var (model, cv) = await Task.Run(() =>
        {
            var options = new TriageOptions { Taxonomy = taxonomy };
            var trained = TriageTrainer.Train(kept, options);
            double? score = null;
            var folds = Math.Min(5, kept.GroupBy(d => d.Label).Min(g => g.Count()));
            if (kept.Count <= MaxCrossValidated && folds >= 2)
                score = CrossValidation.Run(kept, options with { CalibrationFolds = 0 }, folds).MeanMacroF1;
            return (trained, score);
        }, ct);
        return new Trained(kind, name, kept.Count, classes, model, cv, null);
    }

    /// <summary>Stores a trained model as the kind's next version and drops versions beyond Triage:KeepVersions.</summary>
    private async Task<TrainOutcome> StoreAsync(Trained t, TriageSettings settings, CancellationToken ct)
    {
        if (t.Model is null) return new TrainOutcome(t.Kind, null, t.Count, t.Classes, null, t.Skipped!);
        var kept = await db.TriageModels.Where(m => m.Kind == t.Kind).OrderByDescending(m => m.Version).Select(m => new { m.Id, m.Version }).ToListAsync(ct);
        var version = (kept.Count == 0 ? 0 : kept[0].Version) + 1;
        db.TriageModels.Add(new TriageModelRow
        {
            Kind = t.Kind, Version = version, TrainedAt = clock.GetUtcNow(), TrainCount = t.Count,
            CvMacroF1 = t.Cv is { } c && double.IsFinite(c) ? c : null, Bytes = t.Model.ToBytes(), Labels = JsonSerializer.Serialize(t.Model.Labels),
        });
        // The new version counts as one of those kept.
        var stale = kept.Skip(Math.Max(1, settings.KeepVersions) - 1).Select(m => m.Id).ToList();
        if (stale.Count > 0) await db.TriageModels.Where(m => stale.Contains(m.Id)).ExecuteDeleteAsync(ct);
        var f1 = t.Cv is { } v ? $"，交叉验证宏 F1 {v:F3}" : "";
        return new TrainOutcome(t.Kind, version, t.Count, t.Classes, t.Cv, $"{t.Name}第 {version} 版：{t.Count} 条样本、{t.Classes} 类{f1}。");
    }
}
