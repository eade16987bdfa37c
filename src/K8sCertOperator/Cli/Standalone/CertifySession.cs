using System.Net;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Hosting;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// One run of certify against one ACME server: the directory (with the profile check), ARI, and the issuance
/// itself, which creates or finds the account only when an order is really going to be placed.
/// </summary>
public sealed class CertifySession : IDisposable
{
    private readonly CertifyOptions _options;
    private readonly ILoggerFactory? _logs;
    private readonly HttpClient _http;
    private readonly IJwsSigner _accountKey;
    private readonly bool _accountKeyCreated;
    private readonly AcmeClient _client;
    private readonly string? _challenge;

    public CertifySession(CertifyOptions options, ILoggerFactory? logs)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logs = logs;
        _challenge = options.Challenge is { } challenge ? CertifyChallenges.Parse(challenge).Type : null;
        _http = AcmeHttpHandlerFactory.CreateClient(StandaloneTls.From(options.CaBundleFile, options.InsecureSkipVerify));
        try
        {
            _accountKey = AccountKeyFile.LoadOrCreate(options.EffectiveAccountKeyFile, out _accountKeyCreated);
        }
        catch
        {
            _http.Dispose();
            throw;
        }
        _client = new AcmeClient(_http, options.Server, _accountKey, logger: logs?.CreateLogger<AcmeClient>());
    }

    /// <summary>Written to after each step a user would want to see (account, issued certificate).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>The ACME directory; fails when --profile names a profile the server does not offer.</summary>
    public async Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken)
    {
        var directory = await _client.GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (_options.Profile is { } profile && AcmeProfileOffer.Problem(directory, profile) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        return directory;
    }

    /// <summary>The CA's renewal information for <paramref name="leaf"/>; null when the server has no ARI.</summary>
    public Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 leaf, CancellationToken cancellationToken) =>
        _client.GetRenewalInfoAsync(leaf, cancellationToken);

    /// <summary>Orders, validates and downloads a certificate for the options' names and writes the files as one set.</summary>
    /// <param name="replaces">ARI CertID of the certificate this one replaces (RFC 9773 §5), or null.</param>
    /// <param name="files">Writes the output folder; tests hand in one that fails on cue.</param>
    public async Task<CertificateInfo> IssueAsync(string? replaces, AtomicFileSet files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        // A one-shot process spends most of its time starting up, so the HTTP-01 responder and the
        // certificate key are prepared while the account is looked up instead of one after the other.
        var tokens = UsesHttp01 ? new Http01TokenStore() : null;
        var responderStart = tokens is null
            ? Task.FromResult<Http01Responder?>(null)
            : StartResponderAsync(_options.Http01Listen!, tokens, _logs, cancellationToken);
        var keyGeneration = Task.Run(() => PrivateKeyGenerator.Generate(KeyTypes.Parse(_options.KeyType)!), cancellationToken);
        try
        {
            // A key made just now cannot have an account yet: skip the look-up round trip.
            var account = (_accountKeyCreated ? null : await _client.FindAccountAsync(cancellationToken).ConfigureAwait(false))
                ?? await _client.NewAccountAsync(Contacts(_options.Email), true, _options.ExternalAccountBinding, cancellationToken).ConfigureAwait(false);
            await Out.WriteLineAsync($"account {account.Location} ({(_accountKeyCreated ? "new key" : "existing key")})").ConfigureAwait(false);

            await responderStart.ConfigureAwait(false);
            var (dns, propagation) = UsesDns01 ? StandaloneDns.Create(_options) : (null, null);
            var persist = _challenge == AcmeChallenge.DnsPersist01 ? new StandaloneDnsPersist(_options, dns, Out) : null;
            var issuance = new AcmeIssuance(_client, new StandaloneChallengeResponder(tokens, dns, propagation, persist), _logs?.CreateLogger<AcmeIssuance>());
            var key = await keyGeneration.ConfigureAwait(false);
            var result = await issuance.IssueAsync(new AcmeIssuanceRequest
            {
                Identifiers = [.. _options.Domains.Select(AcmeIdentifier.Parse)],
                CsrDer = CsrBuilder.BuildDer(key, Template(_options.Domains)),
                PreferredChain = _options.PreferredChain,
                Profile = _options.Profile,
                Replaces = replaces,
                ChallengeTypes = _challenge is { } challenge ? [challenge] : null,
            }, cancellationToken).ConfigureAwait(false);

            files.Write(_options.OutputDirectory, CertificateFiles.For(result.Certificate, key));
            return CertificateInfo.FromCertificate(result.Certificate.Leaf);
        }
        finally
        {
            await StopAsync(responderStart).ConfigureAwait(false);
            await DisposeKeyAsync(keyGeneration).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _accountKey.Dispose();
        _http.Dispose();
    }

    private bool UsesHttp01 => !string.IsNullOrWhiteSpace(_options.Http01Listen) && _challenge is null or AcmeChallenge.Http01;

    private bool UsesDns01 => _options.HasDns01 && _challenge is null or AcmeChallenge.Dns01 or AcmeChallenge.DnsAccount01 or AcmeChallenge.DnsPersist01;

    private static async Task<Http01Responder?> StartResponderAsync(string listen, Http01TokenStore tokens, ILoggerFactory? logs, CancellationToken ct) =>
        await Http01Responder.StartAsync(ListenAddress.Parse(listen), tokens, logs, ct).ConfigureAwait(false);

    // Runs on every exit path; a responder that failed to start has already reported through the main path.
    private static async Task StopAsync(Task<Http01Responder?> responderStart)
    {
        try
        {
            if (await responderStart.ConfigureAwait(false) is { } responder)
            {
                await responder.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already surfaced (or irrelevant) when the main path failed first.
        }
    }

    // Also on the paths that failed before the key was used.
    private static async Task DisposeKeyAsync(Task<CertificateKey> keyGeneration)
    {
        try
        {
            (await keyGeneration.ConfigureAwait(false)).Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Cancelled or failed generation: nothing to dispose.
        }
    }

    private static CertificateTemplate Template(IReadOnlyList<string> domains)
    {
        var ips = domains.Where(d => IPAddress.TryParse(d, out _)).ToList();
        return new CertificateTemplate
        {
            DnsNames = [.. domains.Except(ips)],
            IpAddresses = ips,
        };
    }

    private static IReadOnlyList<string> Contacts(string? email) =>
        string.IsNullOrWhiteSpace(email) ? [] : [email];
}
