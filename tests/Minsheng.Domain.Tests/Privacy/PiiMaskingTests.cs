using Minsheng.Domain.Privacy;

namespace Minsheng.Domain.Tests.Privacy;

public class PiiMaskingTests
{
    private static string Masked(string text, params string[] names) => PiiDetector.Default.Protect(text, TextExposure.Masked, names);
    private static string Removed(string text, params string[] names) => PiiDetector.Default.Protect(text, TextExposure.Removed, names);

    [Theory]
    [InlineData("我是13911112222的李某", "我是139****2222的李某")]
    [InlineData("手机１３９１１１１２２２２", "手机139****2222")]
    [InlineData("电话138.0013.8000", "电话138****8000")]
    [InlineData("号码1 3 9 1 1 1 1 2 2 2 2", "号码139****2222")]
    [InlineData("电话一三九一一一一二二二二", "电话139****2222")]
    [InlineData("手机+86 13911112222", "手机139****2222")]
    [InlineData("座机0550-3012345", "座机055****2345")]
    [InlineData("座机7214567", "座机****67")]
    [InlineData("身份证340102199001011234", "身份证3401**********1234")]
    [InlineData("身份证 3401 0219 9001 0112 34", "身份证 3401**********1234")]
    [InlineData("卡号6222021234567890123", "卡号6222****0123")]
    [InlineData("邮箱li.si@qq.com", "邮箱l***@qq.com")]
    [InlineData("车牌皖A12345", "车牌皖A***45")]
    [InlineData("住3栋2单元501室", "住*栋*单元***室")]
    [InlineData("微信zhang_san88", "微信z****")]
    public void Masks_keep_enough_to_tell_numbers_apart(string text, string expected) => Masked(text).ShouldBe(expected);

    [Fact]
    public void The_citizens_name_is_masked_and_removed_wherever_it_is_written()
    {
        Masked("李建国反映，李建国家门口积水", "李建国").ShouldBe("李**反映，李**家门口积水");
        Removed("李建国反映，李建国家门口积水", "李建国").ShouldBe("某某反映，某某家门口积水");
    }

    [Fact]
    public void Removal_leaves_a_mark_and_nothing_of_the_number() =>
        Removed("我是13911112222的李某，身份证340102199001011234").ShouldBe("我是【已隐去】的李某，身份证【已隐去】");

    [Fact]
    public void Original_exposure_returns_the_text_as_written()
    {
        const string text = "我是13911112222的李某";
        PiiDetector.Default.Protect(text, TextExposure.Original).ShouldBe(text);
    }

    [Theory]
    [InlineData("受理编号202611160001，拨打12345热线")]
    [InlineData("2024年5月1日多收500元，共1380户")]
    [InlineData("业主赵某反映，王大爷家漏雨")]
    public void Text_without_personal_data_is_unchanged(string text)
    {
        Masked(text).ShouldBe(text);
        Removed(text).ShouldBe(text);
    }

    [Fact]
    public void Directory_phones_are_kept_in_any_spelling()
    {
        var detector = new PiiDetector(["0550-7021356"]);
        foreach (var spelling in new[] { "0550-7021356", "(0550)7021356", "０５５０－７０２１３５６", "电话7021356" })
            detector.Protect($"请致电{spelling}咨询", TextExposure.Removed).ShouldBe($"请致电{spelling}咨询");
        detector.Protect("请致电0550-7021357咨询", TextExposure.Removed).ShouldBe("请致电【已隐去】咨询");
    }

    [Fact]
    public void A_number_next_to_a_chinese_numeral_word_is_still_found() =>
        Masked("电话13911112222一直打不通").ShouldBe("电话139****2222一直打不通");

    [Fact]
    public void Spans_do_not_overlap_and_come_in_order()
    {
        var spans = PiiDetector.Default.Find("身份证 340102199001011234，手机 13911112222，QQ 12345678，13911112222@qq.com");
        spans.Select(s => s.Kind).ShouldBe([PiiKind.IdNumber, PiiKind.Phone, PiiKind.SocialId, PiiKind.Email]);
        spans.Zip(spans.Skip(1)).ShouldAllBe(p => p.First.End <= p.Second.Start);
    }
}
