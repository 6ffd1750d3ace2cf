using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Platform.Application.Webhooks;
using Platform.Infrastructure.Webhooks;

namespace Platform.Application.Tests.Webhooks;

/// <summary>
/// The connect-time check against a real listener on 127.0.0.1: refused unless the host is allowed, judged on the
/// address actually connected to (so a name that now resolves to loopback is refused), and redirects not followed.
/// </summary>
public sealed class WebhookConnectGuardTests
{
    private TcpListener listener = null!;
    private int accepted;
    private CancellationTokenSource stop = null!;
    private Task serving = Task.CompletedTask;
    private const string NoContent = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private string reply = NoContent;

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    [SetUp]
    public void StartListener()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepted = 0;
        reply = NoContent;
        stop = new CancellationTokenSource();
        serving = ServeAsync(stop.Token);
    }

    [TearDown]
    public async Task StopListener()
    {
        await stop.CancelAsync();
        listener.Dispose();
        await serving;
        stop.Dispose();
    }

    [Test]
    public void Loopback_is_refused_and_nothing_connects()
    {
        using var client = Client();

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{Port}/hook")));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.InnerException, Is.InstanceOf<WebhookAddressRefusedException>());
            Assert.That(((WebhookAddressRefusedException)ex.InnerException!).Reason, Is.EqualTo("loopback"));
            Assert.That(Volatile.Read(ref accepted), Is.Zero);
        });
    }

    [Test]
    public async Task An_allowed_host_connects()
    {
        using var client = Client(allowed: "127.0.0.1");

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{Port}/hook"));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(Volatile.Read(ref accepted), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_name_that_resolves_to_loopback_at_delivery_is_refused_although_it_was_public_when_registered()
    {
        // DNS rebinding: the registration check saw a public address; the name now answers 127.0.0.1.
        using var client = Client(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://hooks.example.test:{Port}/hook")));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.InnerException, Is.InstanceOf<WebhookAddressRefusedException>());
            Assert.That(Volatile.Read(ref accepted), Is.Zero);
        });
    }

    [Test]
    public void A_name_with_refused_and_public_addresses_is_connected_only_to_the_public_ones()
    {
        // Judged without connecting: tests send traffic to this machine only.
        var options = Options.Create(new WebhookOptions());
        var guard = new WebhookConnectGuard(new WebhookAllowedHosts(options));
        var loopback = IPAddress.Loopback;
        var metadata = IPAddress.Parse("169.254.169.254");
        var publicAddress = IPAddress.Parse("93.184.215.14");

        Assert.Multiple(() =>
        {
            Assert.That(guard.Candidates("hooks.example.test", [loopback, publicAddress, metadata]), Is.EqualTo(new[] { publicAddress }));
            Assert.That(
                () => guard.Candidates("hooks.example.test", [metadata, loopback]),
                Throws.TypeOf<WebhookAddressRefusedException>().With.Property(nameof(WebhookAddressRefusedException.Reason)).EqualTo("metadata"));
            Assert.That(() => guard.Candidates("hooks.example.test", []), Throws.TypeOf<WebhookAddressRefusedException>());
        });
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        reply = "HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        using var client = Client(allowed: "127.0.0.1");

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{Port}/hook"));

        Assert.That((int)response.StatusCode, Is.EqualTo(302));
    }

    private static HttpClient Client(string? allowed = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        var options = Options.Create(new WebhookOptions { AllowedHosts = allowed is null ? [] : [allowed] });
        var guard = new WebhookConnectGuard(new WebhookAllowedHosts(options), resolve);
        return new HttpClient(guard.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            using (connection)
            {
                var stream = connection.GetStream();
                var buffer = new byte[4096];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), cancellationToken);
            }
        }
    }
}
