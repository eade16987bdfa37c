using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>
/// The ACME server for tests of profiles, ARI, dns-persist-01 and dns-account-01: the <c>pebble</c> on PATH when it
/// offers all of them (Pebble 2.10 and later), else the in-process <see cref="AcmeDoubleServer"/>. Both resolve through
/// the test's bind9. <see cref="Description"/> says which one runs and why, for the test output.
/// </summary>
internal sealed class AcmeServerUnderTest : IAsyncDisposable
{
    private static readonly SemaphoreSlim ProbeOnce = new(1, 1);
    private static string? _pebbleLacks;
    private static bool _probed;

    private AcmeServerUnderTest(string description, Uri directoryUrl, string? tlsCaPem, PebbleFixture? pebble, AcmeDoubleServer? acmeDouble)
    {
        Description = description;
        DirectoryUrl = directoryUrl;
        TlsCaPem = tlsCaPem;
        Pebble = pebble;
        Double = acmeDouble;
    }

    public string Description { get; }

    public Uri DirectoryUrl { get; }

    /// <summary>CA of the server's HTTPS certificate; null for the double (plain HTTP on loopback).</summary>
    public string? TlsCaPem { get; }

    public PebbleFixture? Pebble { get; }

    public AcmeDoubleServer? Double { get; }

    /// <summary>newOrder requests the server received so far.</summary>
    public int NewOrderCount => Double?.NewOrderRequests.Count ?? Pebble!.CountRequests("POST", PebbleFixture.NewOrderPath);

    /// <summary>RFC 9773 §4.1 CertID (AKI key identifier and serial), computed here from the certificate rather than by the code under test.</summary>
    public static string CertId(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value;
        return Base64Url.EncodeToString(aki.Span) + "." + Base64Url.EncodeToString(certificate.SerialNumberBytes.Span);
    }

    /// <summary>
    /// Starts Pebble when it offers everything these tests need, else the double (with <paramref name="doubleOptions"/>);
    /// always the double when <paramref name="doubleOnly"/> (a test that needs what only the double offers, e.g. its profiles).
    /// </summary>
    public static async Task<AcmeServerUnderTest> StartAsync(Bind9Fixture bind, CancellationToken ct, AcmeDoubleOptions? doubleOptions = null, bool doubleOnly = false)
    {
        ArgumentNullException.ThrowIfNull(bind);
        if (doubleOnly)
        {
            var only = await AcmeDoubleServer.StartAsync(doubleOptions ?? new AcmeDoubleOptions(), bind.QueryTxtAsync, ct);
            return new AcmeServerUnderTest("ACME server: in-process double (asked for by the test)", only.DirectoryUrl, null, null, only);
        }
        string? lacks;
        await ProbeOnce.WaitAsync(ct);
        try
        {
            if (!_probed)
            {
                _pebbleLacks = await ProbePebbleAsync(bind, ct);
                _probed = true;
            }
            lacks = _pebbleLacks;
        }
        finally
        {
            ProbeOnce.Release();
        }
        if (lacks is null)
        {
            var pebble = await StartPebbleAsync(bind, ct);
            return new AcmeServerUnderTest("ACME server: Pebble on PATH (offers profiles, renewalInfo, dns-persist-01, dns-account-01)",
                pebble.DirectoryUrl, pebble.TlsCaPem, pebble, null);
        }
        var server = await AcmeDoubleServer.StartAsync(doubleOptions ?? new AcmeDoubleOptions(), bind.QueryTxtAsync, ct);
        return new AcmeServerUnderTest($"ACME server: in-process double (the pebble on PATH {lacks})", server.DirectoryUrl, null, null, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (Pebble is not null)
        {
            await ((IAsyncDisposable)Pebble).DisposeAsync();
        }
        if (Double is not null)
        {
            await Double.DisposeAsync();
        }
    }

    private static Task<PebbleFixture> StartPebbleAsync(Bind9Fixture bind, CancellationToken ct) =>
        PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, AuthzReusePercent = 0, NonceRejectPercent = 0, DnsServer = bind.Nameserver }, ct);

    /// <summary>What the pebble on PATH lacks (null: nothing): directory meta.profiles, renewalInfo, and the challenge types of a probe authorization.</summary>
    private static async Task<string?> ProbePebbleAsync(Bind9Fixture bind, CancellationToken ct)
    {
        if ((ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble")) is { } missing)
        {
            return "is missing: " + missing;
        }
        await using var pebble = await StartPebbleAsync(bind, ct);
        using var http = pebble.CreateHttpClient();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = new EcdsaJwsSigner(key);
        var client = pebble.CreateClient(http, signer);
        var directory = await client.GetDirectoryAsync(ct);
        var lacks = new List<string>();
        if (directory.Meta?.Profiles is not { Count: > 0 })
        {
            lacks.Add("profiles");
        }
        if (directory.RenewalInfo is null)
        {
            lacks.Add("renewalInfo");
        }
        await client.NewAccountAsync([], termsOfServiceAgreed: true, null, ct);
        var order = await client.NewOrderAsync([AcmeIdentifier.Dns($"probe-{Guid.NewGuid():N}.example.com")], cancellationToken: ct);
        var offered = (await client.GetAuthorizationAsync(order.Authorizations[0], ct)).Challenges.Select(c => c.Type).ToList();
        lacks.AddRange(new[] { AcmeChallenge.DnsPersist01, AcmeChallenge.DnsAccount01 }.Where(t => !offered.Contains(t)));
        return lacks.Count == 0 ? null : $"lacks {string.Join(", ", lacks)}; its probe authorization offered {string.Join(", ", offered)}";
    }
}
