using System.Net;
using System.Net.Sockets;

namespace CoalitionDashboard.Tests.Performance.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of the app that counts every byte both ways: what a page really costs on the
/// wire, HTTP headers and bodies and the circuit's WebSocket frames as compressed by permessage-deflate.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _toBrowser;
    private long _toServer;

    public CountingProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public long BytesToBrowser => Interlocked.Read(ref _toBrowser);

    public long BytesToServer => Interlocked.Read(ref _toServer);

    public long TotalBytes => BytesToBrowser + BytesToServer;

    public void Reset()
    {
        Interlocked.Exchange(ref _toBrowser, 0);
        Interlocked.Exchange(ref _toServer, 0);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var clientStream = client.GetStream();
                var serverStream = server.GetStream();
                var up = PumpAsync(clientStream, serverStream, isToServer: true);
                var down = PumpAsync(serverStream, clientStream, isToServer: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A connection closed by either side.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool isToServer)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                Interlocked.Add(ref isToServer ? ref _toServer : ref _toBrowser, read);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
