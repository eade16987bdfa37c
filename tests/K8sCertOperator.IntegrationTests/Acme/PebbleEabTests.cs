using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>External account binding against a Pebble that requires it.</summary>
public sealed class PebbleEabTests(PebbleEabTests.EabPebble pebble) : IClassFixture<PebbleEabTests.EabPebble>
{
    private const string KeyId = "kid-1";

    /// <summary>48 bytes: long enough for HS256 and HS384, too short for HS512.</summary>
    private const string MacKey = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    private const string LongKeyId = "kid-512";

    /// <summary>64 bytes: long enough for HS512 (RFC 7518 §3.2).</summary>
    private const string LongMacKey = "ZVbU_1kH02N_QhWJq9k2B0blbPqeIDT83XR69dPW9izsVQ9s2t94pW9wUF7YBXmqIU2HaCZ884MOX-OendtvYg";

    /// <summary>Pebble with externalAccountBindingRequired and two MAC keys.</summary>
    public sealed class EabPebble() : PebbleFixture(new PebbleOptions
    {
        ExternalAccountBindingRequired = true,
        ExternalAccountMacKeys = new Dictionary<string, string> { [KeyId] = MacKey, [LongKeyId] = LongMacKey },
    });

    [SkippableFact]
    public async Task Directory_says_external_account_required()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();

        var directory = await pebble.CreateClient(http, key).GetDirectoryAsync(CancellationToken.None);

        Assert.True(directory.Meta?.ExternalAccountRequired);
    }

    [SkippableFact]
    public async Task Without_binding_the_error_is_typed_external_account_required()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.NewAccountAsync([], true, null, CancellationToken.None));

        Assert.True(error.IsExternalAccountRequired, error.Message);
        Assert.Equal(AcmeProblemTypes.ExternalAccountRequired, error.Type);
        Assert.Null(client.AccountUrl);
    }

    [SkippableTheory]
    [InlineData("ES256", "HS256", KeyId, MacKey)]
    [InlineData("RS256", "HS256", KeyId, MacKey)]
    [InlineData("ES256", "HS384", KeyId, MacKey)]
    [InlineData("ES256", "HS512", LongKeyId, LongMacKey)]
    public async Task With_binding_the_account_is_created(string accountAlgorithm, string macAlgorithm, string keyId, string macKey)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.Create(accountAlgorithm);
        var client = pebble.CreateClient(http, key);

        var account = await client.NewAccountAsync(["eab@example.com"], true,
            new ExternalAccountBinding(keyId, macKey, macAlgorithm), CancellationToken.None);

        Assert.Equal(AcmeStatus.Valid, account.Status);
        Assert.NotNull(client.AccountUrl);
    }

    [SkippableFact]
    public async Task A_mac_key_shorter_than_the_hash_is_refused_before_any_request()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var requests = new CountingObserver();
        var client = new AcmeClient(http, pebble.DirectoryUrl, key,
            options: new AcmeClientOptions { Http = new AcmeHttpOptions { RequestObserver = requests } });

        var error = await Assert.ThrowsAsync<FormatException>(() => client.NewAccountAsync([], true,
            new ExternalAccountBinding(KeyId, MacKey, "HS512"), CancellationToken.None));

        Assert.Contains("is 48 bytes, but HS512 needs at least 64 (RFC 7518 §3.2)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MacKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Count);
        Assert.Null(client.AccountUrl);
        // The same key with an algorithm it is long enough for is accepted by the same CA.
        var account = await client.NewAccountAsync([], true, new ExternalAccountBinding(KeyId, MacKey, "HS384"), CancellationToken.None);
        Assert.Equal(AcmeStatus.Valid, account.Status);
        Assert.True(requests.Count > 0);
    }

    [SkippableFact]
    public async Task A_wrong_mac_key_is_refused()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        var wrongKey = System.Buffers.Text.Base64Url.EncodeToString(new byte[48]);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(
            () => client.NewAccountAsync([], true, new ExternalAccountBinding(KeyId, wrongKey), CancellationToken.None));

        Assert.False(error.IsExternalAccountRequired);
        Assert.InRange(error.HttpStatus, 400, 499);
    }

    private sealed class CountingObserver : IAcmeRequestObserver
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void RequestCompleted(AcmeAction action, HttpMethod method, Uri url, System.Net.HttpStatusCode? status, TimeSpan duration) =>
            Interlocked.Increment(ref _count);
    }
}
