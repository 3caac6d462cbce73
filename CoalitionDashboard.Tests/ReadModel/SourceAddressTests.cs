using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Tests.ReadModel;

public sealed class SourceAddressTests
{
    [Theory]
    [InlineData("https://swedenherald.com/article/sweden-ready-to-send-gripen-to-ukraine-after-peace-settlement", "Sweden ready to send gripen to ukraine after peace settlement")]
    [InlineData("https://www.ukrinform.net/amp/rubric-polytics/4077455-tusk-poland-to-play-leading-role.html", "Tusk poland to play leading role")]
    [InlineData("https://www.hurriyetdailynews.com/permanent-peace-in-russia-ukraine-war-quite-close-fidan-217572", "Permanent peace in russia ukraine war quite close fidan")]
    [InlineData("https://www.ynetnews.com/article/syzipcelbl", null)]
    [InlineData("https://tass.com/politics/2069287", null)]
    [InlineData("https://www.eurointegration.com.ua/news/2026/01/6/7228510/", null)]
    [InlineData("not a url", null)]
    [InlineData(null, null)]
    public void TitleOf_TheAddressWords_OrNothing(string? url, string? expected)
    {
        // Act + Assert
        Assert.Equal(expected, SourceAddress.TitleOf(url));
    }

    [Theory]
    [InlineData("https://www.eurointegration.com.ua/eng/news/2026/01/7/7228560", "2026-01-07")]
    [InlineData("https://example.org/2026/02/30/x", null)]
    [InlineData("https://tass.com/politics/2069287", null)]
    public void DateOf_ADatePath_OrNothing(string url, string? expected)
    {
        // Act + Assert
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SourceAddress.DateOf(url));
    }
}
