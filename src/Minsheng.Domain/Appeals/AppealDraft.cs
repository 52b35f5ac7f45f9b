using System.Text.RegularExpressions;

namespace Minsheng.Domain.Appeals;

/// <summary>Everything known about an appeal when it is registered.</summary>
public sealed record AppealDraft(
    Channel Channel,
    AppealType Type,
    long? CategoryId,
    Tier Tier,
    string Title,
    string Content,
    long? RegionUnitId,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? CitizenName,
    string? CitizenPhone,
    string? CitizenAddress,
    long? SubjectUnitId)
{
    public const int TitleMax = 100;
    public const int ContentMax = 5000;
    public const int NameMax = 50;
    public const int AddressMax = 200;

    public void Validate()
    {
        var errors = new FieldErrors()
            .Text("title", Title, "标题", TitleMax)
            .Text("content", Content, "诉求内容", ContentMax)
            .Text("address", Address, "地址", AddressMax, required: false)
            .Text("citizenName", CitizenName, "姓名", NameMax, required: false)
            .Text("citizenAddress", CitizenAddress, "联系地址", AddressMax, required: false);
        if (!string.IsNullOrWhiteSpace(CitizenPhone) && !PhoneNumber.IsValid(CitizenPhone))
            errors.Add("citizenPhone", "电话号码格式不正确：请填写 11 位手机号或带区号的固定电话。");
        if (Latitude is { } lat && !(lat is >= -90 and <= 90)) errors.Add("latitude", "纬度应在 -90 到 90 之间。");
        if (Longitude is { } lon && !(lon is >= -180 and <= 180)) errors.Add("longitude", "经度应在 -180 到 180 之间。");
        if (Latitude.HasValue != Longitude.HasValue) errors.Add(Latitude.HasValue ? "longitude" : "latitude", "经纬度须同时填写。");
        if (!Enum.IsDefined(Channel)) errors.Add("channel", "渠道无效。");
        if (!Enum.IsDefined(Type)) errors.Add("type", "诉求性质无效。");
        if (!Enum.IsDefined(Tier)) errors.Add("tier", "办理层级无效。");
        errors.ThrowIfAny();
    }
}

public static partial class PhoneNumber
{
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Pattern();

    public static bool IsValid(string phone) => Pattern().IsMatch(phone.Trim());

    /// <summary>138****1234: the default view of any phone number.</summary>
    public static string Mask(string phone)
    {
        var p = phone.Trim();
        return p.Length <= 7 ? new string('*', p.Length) : $"{p[..3]}****{p[^4..]}";
    }
}
