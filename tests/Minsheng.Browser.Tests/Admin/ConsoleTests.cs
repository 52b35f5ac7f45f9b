using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Admin;

/// <summary>/console: a call registered from the keyboard, a knowledge hit closing a call, errors beside their fields.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture f)
{
    private void Type(string keys) => f.Browser.TypeIntoFocused(keys);

    private Appeal AppealNumbered(string number)
    {
        using var scope = f.App.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.AsNoTracking().Single(a => a.Number == number);
    }

    private string ShownNumber() => f.Browser.TextOf(".result .number").Trim();

    [Fact]
    public void An_operator_registers_a_call_with_the_keyboard_only()
    {
        var b = f.Browser;
        b.SignIn("operator");
        b.Open("/console");
        b.FocusedAttribute("id").ShouldBe("citizenPhone");
        Type("13955501234");
        Type(Keys.Tab); Type("李秀英");
        Type(Keys.Tab); // channel: 12345热线 stays
        Type(Keys.Tab); Type("3"); // type radios: 3 = 咨询
        Type(Keys.Tab); // category: left to the dispatcher
        Type(Keys.Tab); Type("咨询城关镇菜市场营业时间");
        Type(Keys.Tab); Type("来电询问城关镇农贸市场春节期间是否正常营业，每天几点开门。");
        b.SubmitWithKeys(Keys.Control + Keys.Enter, "已登记，诉求编号");
        var appeal = AppealNumbered(ShownNumber());
        appeal.Channel.ShouldBe(Channel.Hotline12345);
        appeal.Type.ShouldBe(AppealType.Consultation);
        appeal.CitizenPhone.ShouldBe("13955501234");
        appeal.CitizenName.ShouldBe("李秀英");
        appeal.Status.ShouldBe(AppealStatus.Registered);
        b.TextOf(".result a[href='/appeals/" + appeal.Id + "']").ShouldBe("查看诉求");
        b.Screenshot("console-registered");
        b.Click("再登记一件");
        b.WaitUntil(_ => !b.Has(".result"), "the form cleared for the next call");
        b.FocusedAttribute("id").ShouldBe("citizenPhone");
    }

    [Fact]
    public async Task Matching_words_show_a_knowledge_answer_that_closes_the_call_once_confirmed()
    {
        var admin = await f.App.ApiAs("admin");
        var article = await admin.Post("/api/knowledge", new
        {
            title = "犬只登记怎么办理", keywords = "养狗 犬只 狗证 登记",
            content = "城区养犬须在取得犬只后 30 日内到县公安局治安大队办理犬只登记，需携带身份证和犬只免疫证明，登记免费。",
        }).Expect<KnowledgeArticleAnswer>(HttpStatusCode.Created);

        // An earlier call on the same subject, for the "similar appeals" hint (no triage model is trained here).
        var desk = await f.App.ApiAs("operator");
        var earlierNumber = (await desk.Post("/api/appeals", new
        {
            channel = "Hotline12345", type = "Consultation", title = "养狗登记地点咨询", content = "询问犬只登记的办理地点。",
        }).Expect<AppealAnswer>(HttpStatusCode.Created)).Number;

        var b = f.Browser;
        b.SignIn("operator");
        b.Open("/console");
        b.Fill("citizenPhone", "13800001111");
        b.Check("input[name=type][value=Consultation]");
        b.Fill("title", "养狗登记");
        b.Type("#content", "我家刚养了一只狗，想问一下犬只登记去哪里办，要带什么");
        b.WaitForTextIn("#hints", "犬只登记怎么办理");
        b.TextOf("#hints").ShouldContain("30 日内");
        b.TextOf("#hints").ShouldContain(earlierNumber);
        b.Screenshot("console-knowledge-hit");
        // 直接办结 is a deliberate step: open the answer (editable), confirm it, then close.
        b.Click("以此答复直接办结…");
        b.Check("#hints input[name^=confirm_]");
        b.Submit("确认直接办结", "已登记并直接办结");
        var appeal = AppealNumbered(ShownNumber());
        appeal.Status.ShouldBe(AppealStatus.Closed);
        appeal.Reply.ShouldBe(article.Content);
        appeal.CitizenPhone.ShouldBe("13800001111");
    }

    [Fact]
    public void Missing_and_wrong_fields_are_named_beside_them_and_nothing_is_registered()
    {
        var b = f.Browser;
        b.SignIn("operator");
        b.Open("/console");
        b.Fill("citizenPhone", "12345");
        b.Fill("content", "路面塌陷");
        b.Submit("登记", "请选择诉求性质");
        b.TextOf("#title-error").ShouldContain("标题不能为空");
        b.TextOf("#citizenPhone-error").ShouldContain("电话号码格式不正确");
        b.AttributeOf("#title", "aria-invalid").ShouldBe("true");
        b.AttributeOf("#content", "value").ShouldBe("路面塌陷");
        b.Has(".result").ShouldBeFalse();
        b.Screenshot("console-field-errors");
    }
}
