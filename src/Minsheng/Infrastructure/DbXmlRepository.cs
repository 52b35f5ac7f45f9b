using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Infrastructure;

public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps the data-protection key ring (cookies, bearer tokens) in the database so every app instance
/// on one database accepts the others' tokens. The framework's EF package does not restore here.
/// </summary>
public sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
