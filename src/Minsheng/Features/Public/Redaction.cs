using System.Text.RegularExpressions;

namespace Minsheng.Features.Public;

/// <summary>
/// Removes personal data from text before it is published: ID-card numbers, mobile and landline numbers,
/// and the complainant's own name. Addresses and house numbers stay: where a problem is, is part of the case.
/// </summary>
public static partial class Redaction
{
    public const string PhoneMark = "[电话已隐去]";
    public const string IdMark = "[身份证号已隐去]";
    public const string NameMark = "某某";

    // 18 characters: 17 digits and a digit or X, not part of a longer run of digits or letters.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();

    // 11-digit mobiles, also written with spaces or dashes (138 1234 5678), optionally with +86.
    [GeneratedRegex(@"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")]
    private static partial Regex Mobile();

    // Landlines with an area code: 0550-7021356, 0550 7021356, (0550)7021356, 010-12345678.
    [GeneratedRegex(@"(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s\-－]?\d{7,8}(?!\d)")]
    private static partial Regex Landline();

    /// <summary>The text with personal data replaced by marks; the complainant's name becomes 某某.</summary>
    public static string Redact(string? text, string? complainantName = null)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var result = IdCard().Replace(text, IdMark);
        result = Mobile().Replace(result, PhoneMark);
        result = Landline().Replace(result, PhoneMark);
        // A one-character name would erase that character everywhere; such a "name" is not identifying anyway.
        if (complainantName?.Trim() is { Length: >= 2 } name)
            result = result.Replace(name, NameMark, StringComparison.Ordinal);
        return result;
    }
}
