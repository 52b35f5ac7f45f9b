namespace Minsheng.Domain.Privacy;

/// <summary>
/// A one-to-one folding of the ways people spell digits and ASCII: full-width forms (１３９, （）, ＠), the ideographic
/// space, dashes, and Chinese numerals (一三九, 壹叁玖, 幺, 〇). Every character maps to exactly one character, so a
/// span found in the folded text has the same position in the original.
/// </summary>
public static class PiiText
{
    /// <remarks>
    /// A run of Chinese numerals that touches an Arabic digit stays as written: in "13911112222一直打不通" the 一 is
    /// part of 一直, and folding it would glue a twelfth digit to the phone number.
    /// </remarks>
    public static string Fold(string text)
    {
        var dst = new char[text.Length];
        for (var i = 0; i < text.Length; i++) dst[i] = FoldWidth(text[i]);
        for (var i = 0; i < text.Length;)
        {
            if (Numeral(text[i]) is null) { i++; continue; }
            var end = i;
            while (end < text.Length && Numeral(text[end]) is not null) end++;
            var touches = (i > 0 && char.IsAsciiDigit(dst[i - 1])) || (end < text.Length && char.IsAsciiDigit(dst[end]));
            if (!touches)
                for (var k = i; k < end; k++) dst[k] = Numeral(text[k])!.Value;
            i = end;
        }
        return new string(dst);
    }

    /// <summary>Full-width forms, the ideographic space and dashes to ASCII; anything else unchanged.</summary>
    public static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => c,
    };

    /// <summary>The digit a Chinese numeral stands for when a number is read out (幺 is 1 on the phone), or null.</summary>
    public static char? Numeral(char c) => c switch
    {
        '〇' or '零' or '○' => '0',
        '一' or '壹' or '幺' => '1',
        '二' or '贰' => '2',
        '三' or '叁' => '3',
        '四' or '肆' => '4',
        '五' or '伍' => '5',
        '六' or '陆' => '6',
        '七' or '柒' => '7',
        '八' or '捌' => '8',
        '九' or '玖' => '9',
        _ => null,
    };

    /// <summary>The digits of a number however it was spelt ("一三九 1111-2222" → "13911112222"); X kept for ID numbers.</summary>
    public static string Digits(string text)
    {
        var folded = Fold(text);
        var chars = new List<char>(folded.Length);
        foreach (var c in folded)
            if (char.IsAsciiDigit(c)) chars.Add(c);
            else if (c is 'X' or 'x') chars.Add('X');
        return new string([.. chars]);
    }
}
