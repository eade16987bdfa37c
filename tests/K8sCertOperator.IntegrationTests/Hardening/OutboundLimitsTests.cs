using Xunit.Abstractions;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// A hostile ACME server on loopback: a gzip bomb, a body over 1 MiB, a redirect to an internal URL and URLs on another
/// origin are refused with a clear error, without inflating the bomb, following the redirect or contacting the origin.
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class OutboundLimitsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long AllocationBudget = 128L * 1024 * 1024;
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromMinutes(2));
    private BadAcmeServers _bad = null!;

    public async Task InitializeAsync()
    {
        _bad = await BadAcmeServers.StartAsync(_cts.Token);
        output.WriteLine($"gzip bomb: {BadAcmeServers.GzipBombCompressedBytes} bytes inflating to {BadAcmeServers.GzipBombInflatedBytes}");
    }

    public async Task DisposeAsync()
    {
        await _bad.DisposeAsync();
        _cts.Dispose();
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_while_inflating_and_allocates_little()
    {
        using var http = AcmeHttpHandlerFactory.CreateClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, _bad.Url("gzip-bomb"), key);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetDirectoryAsync(_cts.Token));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{error.Message}; allocated {allocated} bytes");
        Assert.Contains("exceeds the limit of 1 MiB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes for a body inflating to {BadAcmeServers.GzipBombInflatedBytes}");
    }

    [Fact]
    public async Task A_plain_body_over_one_mebibyte_is_refused()
    {
        using var http = AcmeHttpHandlerFactory.CreateClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, _bad.Url("big-body"), key);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetDirectoryAsync(_cts.Token));

        Assert.Contains("exceeds the limit of 1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_an_internal_url_is_not_followed_and_its_body_never_shown()
    {
        using var http = AcmeHttpHandlerFactory.CreateClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, _bad.Url("redirect-internal"), key);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetDirectoryAsync(_cts.Token));

        output.WriteLine(error.Message);
        Assert.Equal(307, error.HttpStatus);
        Assert.Contains("redirects are not followed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadAcmeServers.InternalSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/internal/", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bad.InternalHits);
    }

    [Fact]
    public async Task Urls_on_another_origin_are_refused_before_any_request()
    {
        using var http = AcmeHttpHandlerFactory.CreateClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, _bad.Url("other-origin"), key);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.FindAccountAsync(_cts.Token));

        output.WriteLine(error.Message);
        Assert.Contains($"newAccount URL on http://localhost:{_bad.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("not on its directory's origin", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bad.OtherOriginHits);
    }

    [Fact]
    public async Task Certify_against_a_gzip_bomb_exits_with_a_clear_error()
    {
        var work = Directory.CreateTempSubdirectory("certify-bomb-").FullName;
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var options = new CertifyOptions
            {
                Server = _bad.Url("gzip-bomb"),
                Domains = ["bomb.example.com"],
                OutputDirectory = Path.Combine(work, "out"),
                Http01Listen = $"127.0.0.1:{FreePort.Next()}",
            };

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var code = await CertifyRunner.RunAsync(options, stdout, stderr, null, _cts.Token);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            output.WriteLine($"exit {code}: {stderr}; allocated {allocated} bytes");
            Assert.Equal(ExitCodes.Failed, code);
            Assert.StartsWith("error: ", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("exceeds the limit of 1 MiB", stderr.ToString(), StringComparison.Ordinal);
            Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
