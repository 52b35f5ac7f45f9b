using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Minsheng.Domain.Calendar;

/// <summary>One day of a State Council holiday notice: a day off, or a weekend made a working day (调休上班).</summary>
public sealed record NoticeDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>
/// The State Council holiday notices as published by holiday-cn (MIT, see HolidayData/LICENSE.holiday-cn.txt),
/// embedded in this assembly. Each YEAR.json may list days of the neighbouring years (the 2023 notice starts
/// 元旦 on 2022-12-31), so all files are merged into one set of days.
/// </summary>
public sealed class HolidayDataSet
{
    private const string Prefix = "Minsheng.Domain.Calendar.HolidayData.";

    private static readonly Lazy<HolidayDataSet> Embedded = new(LoadEmbedded);

    /// <summary>Every notice day, by date.</summary>
    public IReadOnlyDictionary<DateOnly, NoticeDay> Days { get; }

    /// <summary>
    /// Years whose own notice is loaded (their YEAR.json lists days). A year that only appears through a
    /// neighbour's notice is not covered: one stray 12-31 does not make a whole year's calendar official.
    /// </summary>
    public IReadOnlySet<int> NoticeYears { get; }

    public HolidayDataSet(IEnumerable<(int Year, IReadOnlyList<NoticeDay> Days)> notices)
    {
        var days = new Dictionary<DateOnly, NoticeDay>();
        var years = new HashSet<int>();
        foreach (var (year, list) in notices)
        {
            if (list.Count > 0) years.Add(year);
            foreach (var day in list)
            {
                // Two notices naming the same date must agree; a silent pick would hide a data error.
                if (days.TryGetValue(day.Date, out var seen) && seen.IsOffDay != day.IsOffDay)
                    throw new InvalidOperationException($"Holiday data contradicts itself on {day.Date:yyyy-MM-dd}.");
                days[day.Date] = day;
            }
        }
        Days = days;
        NoticeYears = years;
    }

    /// <summary>The data shipped with this build (parsed once).</summary>
    public static HolidayDataSet Default => Embedded.Value;

    /// <summary>Parses one holiday-cn YEAR.json.</summary>
    public static (int Year, IReadOnlyList<NoticeDay> Days) ParseNotice(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var days = root.GetProperty("days").EnumerateArray()
            .Select(d => new NoticeDay(
                DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.GetProperty("isOffDay").GetBoolean(),
                d.GetProperty("name").GetString()!))
            .ToList();
        return (root.GetProperty("year").GetInt32(), days);
    }

    private static HolidayDataSet LoadEmbedded()
    {
        var assembly = typeof(HolidayDataSet).Assembly;
        var notices = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();
        if (notices.Count == 0) throw new InvalidOperationException("No holiday data is embedded in Minsheng.Domain.");
        return new HolidayDataSet(notices);
    }

    private static (int, IReadOnlyList<NoticeDay>) Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return ParseNotice(stream);
    }
}
