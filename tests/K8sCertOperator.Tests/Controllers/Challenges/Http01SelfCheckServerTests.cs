using K8sCertOperator.Controllers.Challenges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Controllers.Challenges;

/// <summary>
/// The self-check against a local Kestrel: loopback refused unless allowed, redirects a CA would not follow not
/// followed, bodies capped, and only generic reasons (no addresses, no exception text) in the result.
/// </summary>
public sealed class Http01SelfCheckServerTests : IAsyncLifetime
{
    private const string Key = "token.thumbprint";
    private static readonly CancellationToken None = CancellationToken.None;
    private WebApplication _app = null!;
    private Uri _base = null!;
    private int _targetHits;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/ok", () => Results.Text(Key + "\n"));
        _app.MapGet("/big", () => Results.Text(new string('k', 10_000)));
        _app.MapGet("/redirect-elsewhere", (HttpContext c) => Results.Redirect($"http://127.0.0.1:{c.Connection.LocalPort}/target"));
        _app.MapGet("/target", () =>
        {
            Interlocked.Increment(ref _targetHits);
            return Results.Text("internal data");
        });
        await _app.StartAsync();
        _base = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_served_key_authorization_is_ready_when_loopback_is_allowed()
    {
        var result = await Check(allowLoopback: true, "/ok");

        Assert.True(result.IsReady, result.Message);
    }

    [Fact]
    public async Task Loopback_is_not_contacted_unless_allowed()
    {
        var result = await Check(allowLoopback: false, "/ok");

        Assert.False(result.IsReady);
        Assert.Contains("resolves to a loopback address, which the self-check does not contact", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_port_a_ca_would_not_use_is_not_followed()
    {
        var result = await Check(allowLoopback: true, "/redirect-elsewhere");

        Assert.False(result.IsReady);
        Assert.Contains("a CA would not follow", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/target", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, _targetHits);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused()
    {
        var result = await Check(allowLoopback: true, "/big");

        Assert.Equal($"self-check GET {_base}big: body larger than 4 KiB", result.Message);
    }

    [Fact]
    public async Task A_connection_error_is_reported_generically()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var http = Http01SelfCheck.CreateClient(allowLoopback: true);

        var result = await new Http01SelfCheck(http, NullLogger.Instance).CheckUrlAsync(new Uri($"http://127.0.0.1:{closedPort}/x"), Key, None);

        Assert.EndsWith(": connection failed", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<SolverCheckResult> Check(bool allowLoopback, string path)
    {
        using var http = Http01SelfCheck.CreateClient(allowLoopback);
        return await new Http01SelfCheck(http, NullLogger.Instance).CheckUrlAsync(new Uri(_base, path), Key, None);
    }
}
