using Minsheng.Features.Public;

namespace Minsheng.Tests.Portal;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("我的电话是13812345678，请回电", "我的电话是[电话已隐去]，请回电")]
    [InlineData("联系138 1234 5678或138-1234-5678", "联系[电话已隐去]或[电话已隐去]")]
    [InlineData("手机+86 13912345678", "手机[电话已隐去]")]
    [InlineData("座机0550-7021356，或(0550)7021356，或010 12345678", "座机[电话已隐去]，或[电话已隐去]，或[电话已隐去]")]
    [InlineData("身份证号34112219800101123X。", "身份证号[身份证号已隐去]。")]
    [InlineData("身份证341122198001011234", "身份证[身份证号已隐去]")]
    public void Phones_and_id_numbers_are_replaced(string text, string expected) => Redaction.Redact(text).ShouldBe(expected);

    [Fact]
    public void The_complainants_name_is_replaced_everywhere()
    {
        Redaction.Redact("我叫张三丰，张三丰家住王庄村。", "张三丰").ShouldBe("我叫某某，某某家住王庄村。");
        Redaction.Redact("张三丰反映的问题", " 张三丰 ").ShouldBe("某某反映的问题");
    }

    [Theory]
    [InlineData("城关镇王庄村12号院3单元401室")]
    [InlineData("受理编号202611160001，请拨打12345热线")]
    [InlineData("共有1380户居民，约20000平方米，损失5000元")]
    public void Addresses_house_numbers_and_other_numbers_stay(string text) => Redaction.Redact(text, "李四").ShouldBe(text);

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
