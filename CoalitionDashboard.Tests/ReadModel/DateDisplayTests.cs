using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Tests.ReadModel;

public sealed class DateDisplayTests
{
    [Theory]
    [InlineData("2026-01-06", "6 Jan 2026")]
    [InlineData("2026-02-04/2026-02-05", "4–5 Feb 2026")]
    [InlineData("2026-02-28/2026-03-05", "28 Feb – 5 Mar 2026")]
    [InlineData("2025-12-30/2026-01-02", "30 Dec 2025 – 2 Jan 2026")]
    [InlineData("2026-02-04/2026-02-04", "4 Feb 2026")]
    [InlineData("2026-02", "Feb 2026")]
    [InlineData("early February 2026", "early February 2026")]
    [InlineData("2026-02-05/2026-02-04", "2026-02-05/2026-02-04")]
    [InlineData("2026-13-01", "2026-13-01")]
    public void Format_RecordText_ReadsAsAPersonWritesIt(string text, string expected)
    {
        // Act
        var shown = DateDisplay.Format(text);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Format_NoDate_StaysNull()
    {
        // Act + Assert
        Assert.Null(DateDisplay.Format((string?)null));
    }
}
