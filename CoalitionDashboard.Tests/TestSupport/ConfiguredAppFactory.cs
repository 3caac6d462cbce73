using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// The app as the tests' own <see cref="DashboardAppFactory"/> (its database, the real data), with settings on top, on
/// the in-memory test server or on Kestrel (a loopback port: real sockets, real headers).
/// </summary>
public class ConfiguredAppFactory(bool kestrel, IReadOnlyDictionary<string, string?> settings, string? environment = null) : DashboardAppFactory
{
    private bool _started;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Where Kestrel listens (http://127.0.0.1:port/).</summary>
    public Uri Address
    {
        get
        {
            EnsureStarted();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    private void EnsureStarted()
    {
        lock (this)
        {
            if (!_started)
            {
                if (kestrel)
                {
                    UseKestrel(0);
                }
                StartServer();
                _started = true;
            }
        }
    }

    /// <summary>A client of the started app (on Kestrel: over the socket) that does not follow redirects.</summary>
    public HttpClient CreateHttpClient()
    {
        EnsureStarted();
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (kestrel)
        {
            options.BaseAddress = Address;
        }
        return CreateClient(options);
    }
}

/// <summary>One HTTP/1.1 request written byte for byte to a socket, for what HttpClient refuses to send (an empty or huge Host).</summary>
public static class RawHttp
{
    public sealed record Response(string StatusLine, IReadOnlyList<(string Name, string Value)> Headers, string Body)
    {
        public string? Header(string name) => Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    public static async Task<Response> SendAsync(Uri address, string request, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, cancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.Latin1.GetString(bytes, 0, split < 0 ? bytes.Length : split).Split("\r\n");
        var headers = head.Skip(1).Select(line => line.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
        var body = split < 0 ? [] : bytes[(split + 4)..];
        if (headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }
        return new Response(head[0], headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var result = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.Latin1.GetString(body, position, lineEnd), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }
            var start = position + lineEnd + 2;
            result.Write(body, start, Math.Min(size, body.Length - start));
            position = start + size + 2;
        }
        return result.ToArray();
    }
}
