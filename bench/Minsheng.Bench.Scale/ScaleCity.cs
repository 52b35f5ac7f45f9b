using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Demo;
using Minsheng.Infrastructure;

namespace Minsheng.Bench.Scale;

/// <summary>One county of the generated city: its unit ids and the share of the city's appeals it receives.</summary>
public sealed record ScaleCounty(long Id, string Name, DemoArea Area, double Share, long[] Departments, string[][] DepartmentCategories,
    (long Id, string Name, (long Id, string Name)[] Villages)[] Townships, string OperatorName, string DispatcherName);

/// <summary>
/// The demo's city (丰州市 with 民丰县 and 民安县, its categories and accounts) plus four generated counties of 民丰县's shape
/// (same departments and township layout under new codes), so the city has six counties as a real prefecture would.
/// Appeals are spread 30 % 民丰县, 14 % 民安县, 13 % each generated county, 4 % the city desk.
/// </summary>
public static class ScaleCity
{
    private static readonly (string Code, string Name)[] Extra = [("ML", "民乐县"), ("MH", "民和县"), ("MT", "民泰县"), ("MK", "民康县")];

    public sealed record City(long CityId, IReadOnlyList<ScaleCounty> Counties, IReadOnlyList<(long Id, string Code)> Categories);

    public static async Task<City> BuildAsync(IServiceProvider services, CancellationToken ct)
    {
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, ct, appealCount: 0);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var city = await db.Units.SingleAsync(u => u.Code == DemoCityData.CityCode, ct);
            foreach (var (code, name) in Extra)
            {
                if (await db.Units.AnyAsync(u => u.Code == code, ct)) continue;
                var county = new Unit(code, name, UnitKind.County, city, "0550-12345");
                db.Units.Add(county);
                await db.SaveChangesAsync(ct);
                foreach (var d in DemoCountyData.Departments)
                    db.Units.Add(new Unit(code + d.Code[2..], d.Name, UnitKind.Department, county, d.Phone));
                var towns = DemoCountyData.Townships.Select(t => (t, unit: new Unit(code + t.Code[2..], t.Name, UnitKind.Township, county, t.Phone))).ToList();
                db.Units.AddRange(towns.Select(x => x.unit));
                await db.SaveChangesAsync(ct);
                foreach (var (t, unit) in towns)
                    foreach (var v in t.Villages)
                        db.Units.Add(new Unit(code + v.Code[2..], v.Name, UnitKind.Village, unit));
                await db.SaveChangesAsync(ct);
            }
            scope.ServiceProvider.GetRequiredService<UnitTree>().Invalidate();
        }
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var units = await db.Units.AsNoTracking().ToListAsync(ct);
            var byCode = units.ToDictionary(u => u.Code);
            var categories = await db.Categories.AsNoTracking().Where(c => c.ParentId != null).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
            var counties = new List<ScaleCounty>
            {
                County(byCode, DemoCountyData.Area, DemoCountyData.CountyCode, 0.30),
                County(byCode, DemoCityData.Anxian, DemoCityData.AnCode, 0.14),
            };
            counties.AddRange(Extra.Select(e => County(byCode, DemoCountyData.Area with { Name = e.Name }, e.Code, 0.13)));
            return new City(byCode[DemoCityData.CityCode].Id, counties, categories.Select(c => (c.Id, c.Code)).ToList());
        }
    }

    private static ScaleCounty County(Dictionary<string, Unit> byCode, DemoArea area, string code, double share)
    {
        string Map(string demoCode) => code + demoCode[area.Code.Length..];
        return new ScaleCounty(byCode[code].Id, byCode[code].Name, area, share,
            area.Departments.Select(d => byCode[Map(d.Code)].Id).ToArray(),
            area.Departments.Select(d => d.CategoryCodes).ToArray(),
            area.Townships.Select(t => (byCode[Map(t.Code)].Id, t.Name, t.Villages.Select(v => (byCode[Map(v.Code)].Id, v.Name)).ToArray())).ToArray(),
            area.OperatorName, area.DispatcherName);
    }
}
