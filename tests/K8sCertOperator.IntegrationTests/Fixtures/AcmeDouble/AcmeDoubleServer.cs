using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>
/// A small RFC 8555 server on loopback for what Debian's Pebble 2.4 lacks: profiles (draft-ietf-acme-profiles),
/// renewalInfo (RFC 9773), dns-persist-01 and dns-account-01, beside dns-01. Requests are real JWS, verified against
/// the account key, with single-use nonces; challenges are validated against a real DNS server (<see cref="DoubleValidator"/>).
/// Records what the CA was asked, so tests can see what reached it.
/// </summary>
internal sealed partial class AcmeDoubleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AcmeDoubleOptions _options;
    private readonly Func<string, CancellationToken, Task<IReadOnlyList<string>>> _queryTxt;
    private readonly DoubleCa _ca = new();
    private readonly ConcurrentDictionary<string, byte> _nonces = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<DoubleAccount> _accounts = [];
    private readonly Dictionary<string, DoubleOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DoubleAuthorization> _authorizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DoubleChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, X509Certificate2> _certificates = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;

    private AcmeDoubleServer(WebApplication app, string origin, AcmeDoubleOptions options, Func<string, CancellationToken, Task<IReadOnlyList<string>>> queryTxt)
    {
        _app = app;
        Origin = origin;
        _options = options;
        _queryTxt = queryTxt;
    }

    public string Origin { get; }

    public Uri DirectoryUrl => new(Origin + "/dir");

    /// <summary>Every newOrder the server accepted or refused: (identifiers, requested profile or null, RFC 9773 replaces or null).</summary>
    public ConcurrentQueue<(IReadOnlyList<string> Identifiers, string? Profile, string? Replaces)> NewOrderRequests { get; } = new();

    /// <summary>Accounts registered so far (a newAccount for a known key finds its account and registers none).</summary>
    public int AccountCount
    {
        get
        {
            lock (_lock)
            {
                return _accounts.Count;
            }
        }
    }

    /// <summary>Every renewalInfo request, by the CertID it named.</summary>
    public ConcurrentQueue<string> RenewalInfoRequests { get; } = new();

    /// <summary>
    /// Moves every certificate's ARI suggested window to [start, end), as a CA does when it wants certificates
    /// replaced early; null (the default) suggests the window from two thirds of the lifetime on.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? RenewalWindow { get; set; }

    /// <summary>Starts the server; <paramref name="queryTxt"/> reads TXT values from the test's DNS server.</summary>
    public static async Task<AcmeDoubleServer> StartAsync(AcmeDoubleOptions options, Func<string, CancellationToken, Task<IReadOnlyList<string>>> queryTxt, CancellationToken ct)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new AcmeDoubleServer(app, $"http://127.0.0.1:{port}", options, queryTxt);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Replay-Nonce"] = server.NewNonce();
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        app.MapGet("/dir", server.Directory);
        app.MapMethods("/nonce", ["HEAD", "GET"], () => Results.Ok());
        app.MapGet("/renewal-info/{id}", (string id) => server.RenewalInfo(id));
        app.MapPost("/{**path}", server.PostAsync);
        await app.StartAsync(ct);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _app.DisposeAsync();
        _ca.Dispose();
        _stop.Dispose();
    }

    private IResult Directory() => Json(new JsonObject
    {
        ["newNonce"] = Origin + "/nonce",
        ["newAccount"] = Origin + "/new-acct",
        ["newOrder"] = Origin + "/new-order",
        ["renewalInfo"] = Origin + "/renewal-info/",
        ["meta"] = new JsonObject
        {
            ["profiles"] = new JsonObject([.. _options.Profiles.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)$"certificates valid for {p.Value}"))]),
        },
    });

    private IResult RenewalInfo(string certId)
    {
        RenewalInfoRequests.Enqueue(certId);
        X509Certificate2? certificate;
        lock (_lock)
        {
            certificate = _certificates.Values.FirstOrDefault(c => certId.EndsWith("." + DoubleCa.SerialPart(c), StringComparison.Ordinal));
        }
        if (certificate is null)
        {
            return Problem("malformed", $"no certificate with CertID {certId}", StatusCodes.Status404NotFound);
        }
        var lifetime = certificate.NotAfter.ToUniversalTime() - certificate.NotBefore.ToUniversalTime();
        var start = new DateTimeOffset(certificate.NotBefore.ToUniversalTime() + lifetime * 2 / 3);
        var (from, to) = RenewalWindow ?? (start, start + lifetime / 9);
        return Json(new JsonObject
        {
            ["suggestedWindow"] = new JsonObject { ["start"] = from.ToString("O"), ["end"] = to.ToString("O") },
        });
    }

    private async Task<IResult> PostAsync(HttpContext context, string path)
    {
        using var reader = new StreamReader(context.Request.Body);
        var jws = DoubleJws.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        if (jws is null)
        {
            return Problem("malformed", "the body is not a flattened JWS");
        }
        if (jws.Nonce is not { } nonce || !_nonces.TryRemove(nonce, out _))
        {
            return Problem("badNonce", "unknown or used nonce");
        }
        var url = Origin + context.Request.Path;
        if (jws.Url != url)
        {
            return Problem("unauthorized", $"the JWS url {jws.Url} is not the request URL {url}");
        }
        if (path == "new-acct")
        {
            return jws.Jwk is { } jwk && jws.KeyId is null && jws.VerifyWith(jwk)
                ? NewAccount(context, jwk, jws.PayloadObject)
                : Problem("malformed", "newAccount must be signed by the jwk it carries");
        }
        DoubleAccount? account;
        lock (_lock)
        {
            account = _accounts.FirstOrDefault(a => a.Url == jws.KeyId);
        }
        if (account is null || jws.Jwk is not null)
        {
            return Problem("accountDoesNotExist", $"no account {jws.KeyId}", StatusCodes.Status400BadRequest);
        }
        if (!jws.VerifyWith(account.Jwk))
        {
            return Problem("unauthorized", "the JWS signature does not verify with the account key", StatusCodes.Status403Forbidden);
        }
        var parts = path.Split('/');
        return (parts[0], parts.Length) switch
        {
            ("new-order", 1) => NewOrder(context, account, jws.PayloadObject),
            ("acct", 2) => Json(AccountJson(account)),
            ("order", 2) => Owned(_orders, parts[1], account, o => o.Account, o => Json(OrderJson(o))),
            ("order", 3) when parts[2] == "finalize" => Owned(_orders, parts[1], account, o => o.Account, o => Finalize(o, jws.PayloadObject)),
            ("authz", 2) => Owned(_authorizations, parts[1], account, a => a.Account, a => Json(AuthorizationJson(a))),
            ("chall", 2) => Owned(_challenges, parts[1], account, c => c.Authorization.Account, c => Answer(c, jws.IsPostAsGet)),
            ("cert", 2) => Owned(_certificates, parts[1], account, _ => account, c => Results.Text(Pem(c) + Pem(_ca.Root), "application/pem-certificate-chain")),
            _ => Problem("malformed", $"no resource at {path}", StatusCodes.Status404NotFound),
        };
    }

    private IResult Owned<T>(Dictionary<string, T> table, string id, DoubleAccount account, Func<T, DoubleAccount> owner, Func<T, IResult> then)
    {
        T? item;
        lock (_lock)
        {
            item = table.GetValueOrDefault(id);
        }
        return item is null ? Problem("malformed", $"no such resource {id}", StatusCodes.Status404NotFound)
            : owner(item) != account ? Problem("unauthorized", "the resource belongs to another account", StatusCodes.Status403Forbidden)
            : then(item);
    }

    private string NewNonce()
    {
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        _nonces[nonce] = 0;
        return nonce;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    private static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", null, status);

    private static IResult Problem(string type, string detail, int status = StatusCodes.Status400BadRequest) =>
        Results.Content(new JsonObject { ["type"] = "urn:ietf:params:acme:error:" + type, ["detail"] = detail, ["status"] = status }.ToJsonString(),
            "application/problem+json", null, status);
}
