using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Minsheng.Domain.Calendar;

namespace Minsheng.Cli;

/// <summary>
/// `calendar add 2026-02-13T10:00 3d`: a time limit on the national working-day calendar, printed as ISO-8601
/// at +08:00. Needs no database: the holiday data is embedded in Minsheng.Domain.
/// </summary>
public static partial class CalendarCommand
{
    public static Command Create()
    {
        var start = new Argument<string>("start") { Description = "起算时刻，如 2026-02-13T10:00（不带时区即北京时间）" };
        var amount = new Argument<string>("amount") { Description = "时限：3d 为 3 个工作日，4h 为 4 个工作小时" };
        var hours = new Option<string?>("--working-hours")
        {
            Description = $"工作时段（默认 {WorkingHours.Default}）",
        };
        var add = new Command("add", "按工作日历计算办理时限的截止时刻") { start, amount, hours };
        add.SetAction(parse => Add(parse.GetValue(start)!, parse.GetValue(amount)!, parse.GetValue(hours)));
        return new Command("calendar", "工作日历（法定节假日与调休）") { add };
    }

    private static int Add(string startText, string amountText, string? hoursText)
    {
        if (!TryParseInstant(startText, out var instant))
            return Fail($"起算时刻“{startText}”格式不对，应形如 2026-02-13T10:00 或 2026-02-13T10:00+08:00。");
        var match = AmountPattern().Match(amountText.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Fail($"时限“{amountText}”格式不对，应为正整数加单位：3d（工作日）或 4h（工作小时）。");

        WorkingCalendar calendar;
        try
        {
            calendar = hoursText is null ? WorkingCalendar.Default : WorkingCalendar.Create(hours: WorkingHours.Parse(hoursText));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Fail(e.Message);
        }

        Deadline deadline;
        try
        {
            deadline = char.ToLowerInvariant(match.Groups[2].Value[0]) == 'd'
                ? calendar.AddWorkingDays(instant, n)
                : calendar.AddWorkingHours(instant, n);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail($"超出工作日历支持的范围（{StatutoryHolidays.FirstYear}—{StatutoryHolidays.LastYear} 年）。");
        }

        Console.WriteLine(deadline.Due.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        if (deadline.Provisional)
        {
            var years = Enumerable.Range(ChinaTime.DateOf(instant).Year, deadline.Due.Year - ChinaTime.DateOf(instant).Year + 1)
                .Where(calendar.IsProvisional);
            Console.WriteLine($"注意：{string.Join("、", years)} 年国务院放假通知尚未载入，按法定节假日临时推算（不含调休）。");
        }
        return 0;
    }

    /// <summary>ISO-8601 local date-time; without an offset it is China time.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var m = InstantPattern().Match(text.Trim());
        if (!m.Success || !DateTime.TryParseExact(m.Groups["local"].Value.Replace(' ', 'T'), LocalFormats,
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        var offset = m.Groups["offset"].Value switch
        {
            "" => ChinaTime.Offset,
            "Z" or "z" => TimeSpan.Zero,
            var o => (o[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(o[1..3], CultureInfo.InvariantCulture), int.Parse(o[^2..], CultureInfo.InvariantCulture), 0),
        };
        if (offset.Duration() > TimeSpan.FromHours(14)) return false;
        instant = new DateTimeOffset(local, offset);
        return true;
    }

    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    [GeneratedRegex(@"^(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?)?)(?<offset>[Zz]|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"^([0-9]{1,6})\s*([dDhH])$")]
    private static partial Regex AmountPattern();
}
