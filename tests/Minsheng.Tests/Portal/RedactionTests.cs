using Minsheng.Features.Public;

namespace Minsheng.Tests.Portal;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("我的电话是13812345678，请回电", "我的电话是【已隐去】，请回电")]
    [InlineData("联系138 1234 5678或138-1234-5678", "联系【已隐去】或【已隐去】")]
    [InlineData("手机+86 13912345678", "手机【已隐去】")]
    [InlineData("座机0550-7021356，或(0550)7021356，或010 12345678", "座机【已隐去】，或【已隐去】，或【已隐去】")]
    [InlineData("身份证号34112219800101123X。", "身份证号【已隐去】。")]
    [InlineData("身份证341122198001011234", "身份证【已隐去】")]
    // The spellings an attack review found published in full.
    [InlineData("手机１３９１１１１２２２２", "手机【已隐去】")]
    [InlineData("电话138.0013.8000", "电话【已隐去】")]
    [InlineData("号码1 3 9 1 1 1 1 2 2 2 2", "号码【已隐去】")]
    [InlineData("电话一三八一二三四五六七八", "电话【已隐去】")]
    [InlineData("身份证 3411 2219 8001 0112 34", "身份证 【已隐去】")]
    [InlineData("邮箱li.si@qq.com", "邮箱【已隐去】")]
    [InlineData("住3栋2单元501室，车牌皖A12345，微信zhang_san88", "住【已隐去】，车牌【已隐去】，微信【已隐去】")]
    public void Personal_data_is_removed(string text, string expected) => Redaction.Redact(text).ShouldBe(expected);

    [Fact]
    public void The_complainants_name_is_replaced_everywhere()
    {
        Redaction.Redact("我叫张三丰，张三丰家住王庄村。", "张三丰").ShouldBe("我叫某某，某某家住王庄村。");
        Redaction.Redact("张三丰反映的问题", " 张三丰 ").ShouldBe("某某反映的问题");
    }

    [Theory]
    [InlineData("城关镇王庄村12号院门口")]
    [InlineData("受理编号202611160001，请拨打12345热线")]
    [InlineData("共有1380户居民，约20000平方米，损失5000元")]
    public void Addresses_and_other_numbers_stay(string text) => Redaction.Redact(text, "李四").ShouldBe(text);

    [Fact]
    public void Directory_phones_stay_when_the_detector_knows_them() =>
        Redaction.Redact("请拨打住建局0550-7021356咨询，我的电话13911112222", null, new Minsheng.Domain.Privacy.PiiDetector(["0550-7021356"]))
            .ShouldBe("请拨打住建局0550-7021356咨询，我的电话【已隐去】");

    [Fact]
    public void A_one_character_name_is_not_erased_from_the_text() =>
        Redaction.Redact("王庄村的王大爷", "王").ShouldBe("王庄村的王大爷");

    [Fact]
    public void Empty_text_stays_empty()
    {
        Redaction.Redact(null).ShouldBe("");
        Redaction.Redact("").ShouldBe("");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [InlineData(new byte[0], null)]
    public void Photo_types_come_from_the_bytes(byte[] bytes, string? type) => PhotoUploads.Sniff(bytes).ShouldBe(type);

    [Fact]
    public void Webp_is_recognised_by_riff_and_webp_markers()
    {
        PhotoUploads.Sniff(PortalKit.Webp).ShouldBe("image/webp");
        PhotoUploads.Sniff([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8]).ShouldBeNull();
    }

    [Theory]
    [InlineData(@"C:\Users\张\Pictures\路灯.jpg", "路灯.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("", "照片")]
    public void File_names_keep_only_their_last_segment(string given, string expected) => PhotoUploads.CleanName(given).ShouldBe(expected);
}
