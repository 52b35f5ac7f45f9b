using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Features.Public;

/// <summary>
/// How the portal presents one jurisdiction (a county, or the city above its counties): the name in its header, the
/// hotline it tells citizens to call, its footer. A null column falls back to the default (see PortalFace).
/// </summary>
public sealed class PortalSetting
{
    public long UnitId { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Hotline { get; private set; }
    public string? Footer { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    private PortalSetting() { }

    public PortalSetting(long unitId) => UnitId = unitId;

    public void Set(string? displayName, string? hotline, string? footer, string by, DateTimeOffset at)
    {
        DisplayName = Blank(displayName);
        Hotline = Blank(hotline);
        Footer = Blank(footer);
        UpdatedBy = by;
        UpdatedAt = at;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed class PortalSettingMap : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> e)
    {
        e.ToTable("portal_settings");
        e.HasKey(s => s.UnitId);
        e.Property(s => s.UnitId).ValueGeneratedNever();
    }
}
