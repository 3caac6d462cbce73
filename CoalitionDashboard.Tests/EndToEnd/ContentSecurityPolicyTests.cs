using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// Chromium enforces the app's Content-Security-Policy and reports nothing it blocked on any page, in either theme,
/// with the page live (circuit connected, charts drawn): the policy is strict and the app still works under it.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Recorded before any of the page's own scripts run; violation events fire for blocked scripts, styles, images,
    // fonts, frames and connections alike.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber));
        """;

    public static TheoryData<string, string> Pages => SitePages.InBothThemes("/briefings/paris-summit-2026/print", "/not-found-here");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_RunsUnderThePolicy_WithoutAViolation(string path, string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.AddInitScriptAsync(RecordViolations);

        // Act
        var response = await Page.GotoAsync(path);
        await WaitForInteractivityAsync();
        // Draw everything below the fold too (charts that start when they scroll into view).
        await Page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Assert: the policy was sent and enforced (not report-only), and nothing on the page ran into it
        Assert.NotNull(response);
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        var consoleReports = ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(violations.Length == 0 && consoleReports.Length == 0,
            $"{path} ({theme}):\n" + string.Join("\n", violations.Concat(consoleReports)));
    }

    [Fact]
    public async Task InjectedInlineScript_IsBlockedByThePolicy()
    {
        // Arrange: the test that proves the one above can fail: an inline script the policy does not name
        await Page.AddInitScriptAsync(RecordViolations);
        await Page.GotoAsync("/");
        await WaitForInteractivityAsync();

        // Act: what an injected payload would do
        await Page.EvaluateAsync("""
            () => {
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true';
                document.body.appendChild(s);
            }
            """);

        // Assert
        Assert.False(await Page.EvaluateAsync<bool>("() => window.__injected === true"));
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
    }
}
