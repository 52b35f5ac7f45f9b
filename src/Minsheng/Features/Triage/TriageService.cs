using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain.Triage;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Triage;

/// <summary>Bound from the "Triage" section.</summary>
public sealed class TriageSettings
{
    /// <summary>Runs the scheduled retrain; tests switch it off and train when they choose.</summary>
    public bool Enabled { get; set; } = true;
    public double RetrainHours { get; set; } = 24;
    /// <summary>Fewer labelled appeals than this teach a model little; training is skipped with a message.</summary>
    public int MinTrainingAppeals { get; set; } = 50;
    /// <summary>Model versions kept per kind; older ones are deleted on retrain.</summary>
    public int KeepVersions { get; set; } = 5;
}

public sealed record LoadedModel(long Id, int Version, TriageModel Model);

/// <summary>
/// The classifiers in force and the routing context, shared by every request: models are large and
/// loading one means parsing megabytes. Every 30 seconds a cheap query asks whether another instance
/// stored a newer version; only then are the bytes read again.
/// </summary>
public sealed class TriageService(IServiceScopeFactory scopes, UnitTree units, TimeProvider clock, IOptions<TriageSettings> settings,
    ILogger<TriageService> logger)
{
    // The previous models are handed to the next load, which reuses every one whose row is still the latest.
    private readonly RefreshingSnapshot<ModelSnapshot> _models = new(previous => LoadModels(scopes, logger, previous), clock);
    private readonly RefreshingSnapshot<RoutingSnapshot> _routing = new(() => LoadRouting(scopes, units, clock), clock);

    private sealed record ModelSnapshot(IReadOnlyDictionary<string, LoadedModel> ByKind);

    public sealed record RoutingSnapshot(RoutingSuggester Suggester, IReadOnlyDictionary<long, RoutingCategory> Categories, DateTimeOffset LoadedAt);

    public TriageSettings Settings => settings.Value;

    public void Invalidate()
    {
        _models.Invalidate();
        _routing.Invalidate();
    }

    public LoadedModel? Model(string kind) => Models.ByKind.GetValueOrDefault(kind);

    public RoutingSnapshot Routing => _routing.Value;

    private ModelSnapshot Models => _models.Value;

    private static ModelSnapshot LoadModels(IServiceScopeFactory scopes, ILogger logger, ModelSnapshot? previous)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var latest = db.TriageModels.AsNoTracking().GroupBy(m => m.Kind).Select(g => new { Kind = g.Key, Id = g.Max(m => m.Id) }).ToList();
        var byKind = new Dictionary<string, LoadedModel>();
        foreach (var (kind, id) in latest.Select(l => (l.Kind, l.Id)))
        {
            var kept = previous?.ByKind.Values.FirstOrDefault(m => m.Id == id);
            if (kept is null && db.TriageModels.AsNoTracking().FirstOrDefault(m => m.Id == id) is { } row)
            {
                try
                {
                    kept = new LoadedModel(row.Id, row.Version, TriageModelFormat.FromBytes(row.Bytes));
                }
                catch (FormatException e)
                {
                    // A damaged row must not take suggestions down; the next retrain replaces it.
                    logger.LogError(e, "Triage model {Id} ({Kind} v{Version}) could not be read", row.Id, row.Kind, row.Version);
                }
            }
            if (kept is not null) byKind[kind] = kept;
        }
        return new ModelSnapshot(byKind);
    }

    private static RoutingSnapshot LoadRouting(IServiceScopeFactory scopes, UnitTree units, TimeProvider clock)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var categories = db.Categories.AsNoTracking().ToList().Select(c => new RoutingCategory(c.Id, c.Name, c.ParentId)).ToDictionary(c => c.Id);
        var rules = db.RoutingRules.AsNoTracking().ToList().Select(r => new RoutingRule(r.Id, r.CategoryId, r.RegionUnitId, r.UnitId, r.Note));
        var aliases = db.Gazetteer.AsNoTracking().ToList().Select(g => new GazetteerAlias(g.Alias, g.UnitId));
        var unitList = units.All.Select(u => new RoutingUnit(u.Id, u.Name, u.Kind, u.ParentId, u.Active));
        return new RoutingSnapshot(new RoutingSuggester(unitList, categories.Values, rules, aliases), categories, clock.GetUtcNow());
    }

    /// <summary>
    /// Retrains in a scope of its own, for work outside a request (the scheduled job, the demo seeding): audited as
    /// the system. A request, a page or a CLI verb calls <see cref="TriageTraining"/> in its own scope instead.
    /// </summary>
    public async Task<IReadOnlyList<TrainOutcome>> RetrainAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Audit.AuditLog.SystemActor);
        return await scope.ServiceProvider.GetRequiredService<TriageTraining>().RetrainAsync(ct);
    }
}
