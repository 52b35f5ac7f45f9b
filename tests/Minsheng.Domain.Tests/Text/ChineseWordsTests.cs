using Minsheng.Domain.Text;
using Shouldly;

namespace Minsheng.Domain.Tests.Text;

public class ChineseWordsTests
{
    [Fact]
    public void Dictionary_ships_with_the_binary_and_keeps_problem_words_whole()
    {
        var words = ChineseWords.Cut("小区附近的搅拌站噪音粉尘扰民");
        words.ShouldContain("搅拌站");
        words.ShouldContain("噪音");
        words.ShouldContain("粉尘");
        words.ShouldContain("扰民");
    }

    [Fact]
    public void Added_words_are_not_split()
    {
        ChineseWords.Cut("丽发新城小区").ShouldNotContain("丽发新城");
        ChineseWords.AddWords(["丽发新城"]);
        ChineseWords.Cut("丽发新城小区").ShouldContain("丽发新城");
    }

    [Fact]
    public void Blank_text_has_no_words() => ChineseWords.Cut("  \n").ShouldBeEmpty();
}
