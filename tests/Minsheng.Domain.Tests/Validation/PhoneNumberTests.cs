using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.Tests.Validation;

public class PhoneNumberTests
{
    [Fact]
    public void Mask_hides_the_middle_of_a_mobile_number() => PhoneNumber.Mask("13812341234").ShouldBe("138****1234");

    [Fact]
    public void Mask_trims_before_masking() => PhoneNumber.Mask(" 13812341234 ").ShouldBe("138****1234");

    [Fact]
    public void Mask_keeps_area_code_start_and_last_four_of_a_landline() => PhoneNumber.Mask("0551-62345678").ShouldBe("055****5678");

    [Theory]
    [InlineData("1234567", "*******")]
    [InlineData("110", "***")]
    public void Mask_hides_short_numbers_entirely(string phone, string masked) => PhoneNumber.Mask(phone).ShouldBe(masked);

    [Theory]
    [InlineData("13812341234", true)]
    [InlineData("0551-62345678", true)]
    [InlineData("12345", false)]
    [InlineData("1381234123a", false)]
    public void IsValid_accepts_mobiles_and_landlines_only(string phone, bool valid) => PhoneNumber.IsValid(phone).ShouldBe(valid);
}
