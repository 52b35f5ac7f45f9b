using System.Globalization;
using System.Text.RegularExpressions;

namespace Minsheng.Domain.Privacy;

/// <summary>
/// Finds personal data in free text: phone numbers in every spelling people use, ID and card numbers, e-mails,
/// car plates, WeChat/QQ ids, flat numbers and names. Numbers that are not personal stay untouched: dates,
/// amounts, appeal numbers, the 12345 hotline, counts, and the public phones of units (passed in as an allow-list,
/// since a unit's directory number in a reply is information, not a secret).
/// Matching runs on <see cref="PiiText.Fold"/>ed text, so 一三九, １３９ and 139 are the same number.
/// </summary>
public sealed partial class PiiDetector
{
    private readonly HashSet<string> _publicPhones;

    /// <param name="publicPhones">Published unit phones in any spelling; a phone whose digits equal one (or its local part) is kept.</param>
    public PiiDetector(IEnumerable<string?>? publicPhones = null) =>
        _publicPhones = (publicPhones ?? []).Select(p => p is null ? "" : PiiText.Digits(p)).Where(d => d.Length >= 7).ToHashSet();

    /// <summary>A detector with no allow-list (for tests and callers without a unit directory).</summary>
    public static PiiDetector Default { get; } = new();

    // A separator people put between digit groups: spaces, dashes, dots.
    private const string Sep = @"[ \t\-.·_]";
    private const string Seps = Sep + "{0,2}";

    [GeneratedRegex(@"(?<!\d" + Sep + @"?)(?:(?:\+|00)86" + Seps + @"|\(\+?86\)" + Seps + @")?1" + Seps + @"[3-9](?:" + Seps + @"\d){9}(?!\d)")]
    private static partial Regex Mobile();

    // 86 written without a plus sign ("8613911112222") only when stuck to the number.
    [GeneratedRegex(@"(?<!\d)(?:86)?1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobilePlain();

    [GeneratedRegex(@"(?<!\d" + Sep + @"?)(?:\(0\d{2,3}\)|0\d{2,3})" + Seps + @"\d{3,4}" + Seps + @"\d{4}(?!\d)")]
    private static partial Regex Landline();

    // A local number without area code counts only after a word that says it is a phone number.
    [GeneratedRegex(@"(?<=(?:电话|座机|固话|致电|拨打|打|tel|Tel|TEL)(?:号码|号)?[:：是为]?[ ]{0,2})\d{3,4}" + Seps + @"\d{4}(?!\d)")]
    private static partial Regex LocalAfterCue();

    // 15 to 19 characters of digits (X last), optionally grouped: ID numbers and bank cards, told apart afterwards.
    [GeneratedRegex(@"(?<![0-9A-Za-z]" + Sep + @"?)\d(?:" + Seps + @"\d){13,17}(?:" + Seps + @"[\dXx])(?![0-9A-Za-z])")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z][ ·\-]?[A-Za-z0-9]{4}[A-Za-z0-9挂学警](?:[A-Za-z0-9])?(?![A-Za-z0-9])")]
    private static partial Regex Plate();

    [GeneratedRegex(@"(?<=(?:(?<![A-Za-z])(?:vx|wx|weixin|wechat|qq)|微信|V信|v信|威信|扣扣|企鹅)(?:号|账号|号码|id|ID)?[:：是为 \t]{0,3})[A-Za-z0-9][A-Za-z0-9_\-]{4,19}(?![A-Za-z0-9_\-])", RegexOptions.IgnoreCase)]
    private static partial Regex SocialId();

    // Building, stairwell and flat: 3栋2单元501室, 5号楼3-401, 12#楼2-301, 2单元501, 501室, 3-2-501.
    [GeneratedRegex(@"(?<!\d)(?:\d{1,3}(?:栋|幢|号楼|座|#楼?|号院) ?)?(?:\d{1,2} ?单元 ?)?(?:\d{1,2}-)?\d{3,4} ?(?:室|房间|房)")]
    private static partial Regex RoomWithMark();

    [GeneratedRegex(@"(?<!\d)\d{1,3}(?:栋|幢|号楼|座|#楼?) ?(?:\d{1,2} ?单元 ?)?(?:\d{1,2}-)?\d{3,4}(?![\d年月日元万户人个米号天次])")]
    private static partial Regex RoomAfterBuilding();

    [GeneratedRegex(@"(?<!\d)\d{1,2} ?单元 ?\d{3,4}(?![\d年月日元万户人个米号天次])")]
    private static partial Regex RoomAfterStairwell();

    [GeneratedRegex(@"(?<![\d\-])\d{1,2}-\d{1,2}-\d{3,4}(?: ?(?:室|房))?(?![\d\-])")]
    private static partial Regex RoomTriple();

    [GeneratedRegex(@"(?<=门牌(?:号码|号)?[:：是为]?\s?)[^\s，。,；;、！？!?：:]{0,20}?\d+号")]
    private static partial Regex HouseNumber();

    // A name after a word that introduces one; the given name stops before words that usually follow a name.
    [GeneratedRegex(@"(?<=(?:名叫|叫做|我叫|姓名[:：是为]?|联系人[:：是为]?|户主|业主|租户|房东|当事人|举报人|被举报人|收款人|司机)\s?)(?:欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|公孙|夏侯|长孙|宇文|[" + Surnames + @"])(?!某)[\u4e00-\u9fa5-[" + NotInNames + @"]]{1,2}")]
    private static partial Regex CuedName();

    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private const string NotInNames =
        "的了是在和与及家电说称师等住于为要向到被把已也都就又同先女讲反手联系从对将让给某等曾来去找带帮请多次经常再这那个们村镇县区局所站队组室楼号路街";

    /// <summary>Every span of personal data, left to right, overlaps resolved in favour of the longer (then the stronger) kind.</summary>
    /// <param name="names">Names from the appeal's identity fields (the citizen's name); found wherever they occur.</param>
    public IReadOnlyList<PiiSpan> Find(string? text, IEnumerable<string?>? names = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var folded = PiiText.Fold(text);
        var found = new List<PiiSpan>();
        void Add(int start, int length, PiiKind kind) => found.Add(new PiiSpan(start, length, kind, text.Substring(start, length)));

        foreach (Match m in LongNumber().Matches(folded))
        {
            var digits = PiiText.Digits(m.Value);
            if (IsIdNumber(digits)) Add(m.Index, m.Length, PiiKind.IdNumber);
            else if (IsCardNumber(digits)) Add(m.Index, m.Length, PiiKind.BankCard);
        }
        foreach (var regex in new[] { Mobile(), MobilePlain(), Landline(), LocalAfterCue() })
            foreach (Match m in regex.Matches(folded))
                if (!IsPublicPhone(PiiText.Digits(m.Value))) Add(m.Index, m.Length, PiiKind.Phone);
        foreach (Match m in Email().Matches(folded)) Add(m.Index, m.Length, PiiKind.Email);
        foreach (Match m in SocialId().Matches(folded)) Add(m.Index, m.Length, PiiKind.SocialId);
        foreach (Match m in Plate().Matches(folded))
            if (m.Value.Skip(2).Any(char.IsAsciiDigit)) Add(m.Index, m.Length, PiiKind.Plate);
        foreach (var regex in new[] { RoomWithMark(), RoomAfterBuilding(), RoomAfterStairwell(), RoomTriple(), HouseNumber() })
            foreach (Match m in regex.Matches(folded)) Add(m.Index, m.Length, PiiKind.Room);
        // Names are looked for in the text as written: folding would turn 一 in a name into a digit.
        foreach (Match m in CuedName().Matches(text)) Add(m.Index, m.Length, PiiKind.Name);
        foreach (var name in (names ?? []).Select(n => n?.Trim()).Where(n => n is { Length: >= 2 }).Distinct())
            for (var at = text.IndexOf(name!, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name!, at + name!.Length, StringComparison.Ordinal))
                Add(at, name!.Length, PiiKind.Name);
        return Resolve(found);
    }

    /// <summary>The text as a reader with this exposure may see it; the single path every shown text takes.</summary>
    public string Protect(string? text, TextExposure exposure, IEnumerable<string?>? names = null) =>
        string.IsNullOrEmpty(text) || exposure == TextExposure.Original ? text ?? "" : PiiMasking.Apply(text, Find(text, names), exposure);

    /// <summary>Keeps non-overlapping spans, preferring the longer one and, at equal length, the kind listed first.</summary>
    private static List<PiiSpan> Resolve(List<PiiSpan> found)
    {
        var kept = new List<PiiSpan>();
        foreach (var s in found.OrderByDescending(s => s.Length).ThenBy(s => s.Kind).ThenBy(s => s.Start))
            if (!kept.Any(k => s.Start < k.End && k.Start < s.End)) kept.Add(s);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private bool IsPublicPhone(string digits)
    {
        if (_publicPhones.Count == 0) return false;
        var bare = digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..] : digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13 ? digits[2..] : digits;
        return _publicPhones.Any(p => p == bare || (bare.Length >= 7 && p.EndsWith(bare, StringComparison.Ordinal)));
    }

    /// <summary>18 digits (X last) or 15 digits with a birth date that exists; anything else long is a card or an account.</summary>
    public static bool IsIdNumber(string digits)
    {
        if (digits.Length == 18)
            return !digits[..17].Contains('X') && ValidDate(digits.Substring(6, 8), "yyyyMMdd") && digits[6..8] is "18" or "19" or "20";
        return digits.Length == 15 && !digits.Contains('X') && ValidDate(digits.Substring(6, 6), "yyMMdd");
    }

    /// <summary>
    /// 16-19 digits with an issuer prefix (UnionPay 62/60, Visa 4, Mastercard 5, JCB/Amex 3, domestic debit 9);
    /// order and file numbers, which mostly begin with a year (20…), are not cards.
    /// </summary>
    public static bool IsCardNumber(string digits) =>
        digits.Length is >= 16 and <= 19 && !digits.Contains('X') && digits[0] is '3' or '4' or '5' or '6' or '9';

    private static bool ValidDate(string s, string format) =>
        DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
