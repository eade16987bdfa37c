using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>External account binding against a Pebble that requires it.</summary>
public sealed class PebbleEabTests(PebbleEabTests.EabPebble pebble) : IClassFixture<PebbleEabTests.EabPebble>
{
    private const string KeyId = "kid-1";
    private const string MacKey = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    /// <summary>Pebble with externalAccountBindingRequired and one MAC key.</summary>
    public sealed class EabPebble() : PebbleFixture(new PebbleOptions
    {
        ExternalAccountBindingRequired = true,
        ExternalAccountMacKeys = new Dictionary<string, string> { [KeyId] = MacKey },
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
    [InlineData("ES256", "HS256")]
    [InlineData("RS256", "HS256")]
    [InlineData("ES256", "HS512")]
    public async Task With_binding_the_account_is_created(string accountAlgorithm, string macAlgorithm)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.Create(accountAlgorithm);
        var client = pebble.CreateClient(http, key);

        var account = await client.NewAccountAsync(["eab@example.com"], true,
            new ExternalAccountBinding(KeyId, MacKey, macAlgorithm), CancellationToken.None);

        Assert.Equal(AcmeStatus.Valid, account.Status);
        Assert.NotNull(client.AccountUrl);
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
}
