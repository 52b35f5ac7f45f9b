using Minsheng.Domain.Privacy;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// The one function through which an appeal's free text (title, content, replies, timeline comments, reasons)
/// leaves the server: pages, API views, exports, notifications, triage hints and publication all call <see cref="Show"/>.
/// Unit phones from the directory are public and stay readable; the detector is rebuilt when they change.
/// </summary>
public sealed class AppealText(UnitTree units)
{
    private volatile Cache? _cache;

    private sealed record Cache(object Snapshot, string Key, PiiDetector Detector);

    public PiiDetector Detector
    {
        get
        {
            // The same snapshot of the unit tree has the same phones. Collecting and sorting a city's 1,200 units'
            // phones again for every text shown made a ledger export's summaries cost ~0.5-1 ms per row (bench/scale.sh
            // on a loaded machine: 59 rows, 26-70 ms).
            var all = units.All;
            var c = _cache;
            if (c is not null && ReferenceEquals(c.Snapshot, all)) return c.Detector;
            var phones = all.Select(u => u.Phone).Where(p => !string.IsNullOrWhiteSpace(p)).Order(StringComparer.Ordinal).ToList();
            var key = string.Join('\n', phones);
            _cache = c = new Cache(all, key, c is not null && c.Key == key ? c.Detector : new PiiDetector(phones));
            return c.Detector;
        }
    }

    /// <param name="citizenName">The name from the appeal's identity fields; found wherever it is written.</param>
    public string Show(string? text, TextExposure exposure, string? citizenName) =>
        exposure == TextExposure.Original ? text ?? "" : Detector.Protect(text, exposure, [citizenName]);

    /// <summary><see cref="Show"/> that keeps a missing text missing.</summary>
    public string? ShowOptional(string? text, TextExposure exposure, string? citizenName) =>
        text is null ? null : Show(text, exposure, citizenName);
}
