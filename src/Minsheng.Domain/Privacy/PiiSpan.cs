namespace Minsheng.Domain.Privacy;

/// <summary>The kinds of personal data the detector finds in free text.</summary>
public enum PiiKind
{
    Phone,      // mobile or landline, any spelling
    IdNumber,   // 居民身份证号 (18 or 15 digits)
    BankCard,   // 16-19 digit card or account numbers that are not ID numbers
    Email,
    Plate,      // 车牌号
    SocialId,   // 微信号 / QQ号
    Room,       // 楼栋单元室号, 门牌号
    Name,       // the names in the appeal's identity fields, and names after cues such as 名叫/联系人
}

/// <summary>A run of personal data in a text: where it starts, how long it is, and what it is.</summary>
public sealed record PiiSpan(int Start, int Length, PiiKind Kind, string Text)
{
    public int End => Start + Length;
}
