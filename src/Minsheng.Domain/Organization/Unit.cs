namespace Minsheng.Domain.Organization;

public enum UnitKind
{
    County,      // 县/区/县级市: a jurisdiction of its own
    Department,  // 部门
    Township,    // 乡镇/街道
    Village,     // 村/社区
    City,        // 地级市 above its counties and districts (appended: kinds are stored by name, the order is free)
}

public static class UnitKinds
{
    /// <summary>A county or a city: the unit whose subtree is a jurisdiction (辖区) with its own desk.</summary>
    public static bool IsJurisdiction(this UnitKind kind) => kind is UnitKind.County or UnitKind.City;
}

/// <summary>
/// A node of the unit tree. Path is the chain of unit codes ("/MF/MF-T01/") so that a subtree is a
/// string prefix: scope checks and subtree queries need no recursion.
/// </summary>
public sealed class Unit
{
    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public long? ParentId { get; private set; }
    public string Path { get; private set; } = "/";
    public string? Phone { get; private set; }
    public bool Active { get; private set; } = true;

    private Unit() { }

    public Unit(string code, string name, UnitKind kind, Unit? parent, string? phone = null)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Contains('/'))
            throw new DomainValidationException("code", "单位编码不能为空，且不能包含“/”。");
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parent?.Id;
        Path = $"{parent?.Path ?? "/"}{code}/";
        Phone = phone;
    }

    public void Update(string name, string? phone)
    {
        Name = name;
        Phone = phone;
    }

    public void Deactivate() => Active = false;
}
