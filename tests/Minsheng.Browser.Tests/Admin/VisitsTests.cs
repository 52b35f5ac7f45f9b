using Microsoft.EntityFrameworkCore;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Browser.Tests.Admin;

/// <summary>/visits on a phone: a township cadre enters two households of one visit and sends them at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitsTests(BrowserFixture f)
{
    private int VisitsIn(long village)
    {
        using var scope = f.App.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Count(a => a.Channel == Channel.DoorToDoorVisit && a.RegionUnitId == village);
    }

    [Fact]
    public void A_township_cadre_sends_two_households_from_a_phone_and_a_wrong_row_loses_nothing()
    {
        using var b = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        b.SignIn("town1-handler");
        b.Open("/visits");
        var before = VisitsIn(f.App.County.Village1.Id);
        b.Select("regionUnitId", "王庄村");
        b.Fill("rows[0].name", "王桂兰");
        b.Fill("rows[0].content", "村东头排水沟堵塞，下雨后积水进院子。");
        b.Click("添加一户");
        b.WaitUntil(_ => b.Count("[name='rows[1].content']") == 1, "a second household row");
        b.FocusedAttribute("name").ShouldBe("rows[1].name");
        b.Fill("rows[1].phone", "1390000");
        b.Select("rows[1].type", "建议");
        b.Fill("rows[1].content", "建议在村小学门口加装减速带。");
        b.Submit("全部提交", "电话号码格式不正确");
        VisitsIn(f.App.County.Village1.Id).ShouldBe(before); // all or nothing
        b.AttributeOf("textarea[name='rows[0].content']", "value").ShouldBe("村东头排水沟堵塞，下雨后积水进院子。");
        b.AttributeOf("[name='rows[1].phone']", "aria-invalid").ShouldBe("true");
        b.Screenshot("visits-phone-error");

        b.Fill("rows[1].phone", "13900001234");
        b.Submit("全部提交", "已登记 2 件诉求");
        VisitsIn(f.App.County.Village1.Id).ShouldBe(before + 2);
        b.TextOf("#regionUnitId option:checked").ShouldContain("王庄村"); // ready for the next batch in the same village
        b.Screenshot("visits-phone");
    }
}
