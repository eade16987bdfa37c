using k8s.Models;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Loads an ACME account key from its Secret, generating an ES256 key into a new Secret when allowed.</summary>
public sealed class AcmeAccountKeyStore
{
    private readonly IResourceApi<V1Secret> _secrets;
    private readonly IInformer<V1Secret>? _managedSecrets;
    private readonly ILogger _logger;

    public AcmeAccountKeyStore(IResourceApi<V1Secret> secrets, IInformer<V1Secret>? managedSecrets, ILogger logger)
    {
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _managedSecrets = managedSecrets;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Reads a Secret: from the managed-Secret cache when it is there, else from the API server.</summary>
    public async Task<V1Secret?> GetSecretAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var cached = _managedSecrets?.Get(new ObjectKey(@namespace, name));
        return cached ?? await _secrets.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account key for <paramref name="selector"/> in <paramref name="namespace"/>; null with an error message when unusable.</summary>
    public async Task<(IJwsSigner? Signer, string? Error)> LoadOrCreateAsync(
        string @namespace, SecretKeySelector selector, bool generationDisabled, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(selector?.Name))
        {
            return (null, "spec.acme.privateKeySecretRef.name is required");
        }

        var key = AcmeAccountKeys.SecretKeyOf(selector);
        var secret = await GetSecretAsync(@namespace, selector.Name, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            if (generationDisabled)
            {
                return (null, $"Secret {@namespace}/{selector.Name} holding the ACME account key does not exist and disableAccountKeyGeneration is set");
            }

            secret = await CreateAsync(@namespace, selector.Name, key, cancellationToken).ConfigureAwait(false);
        }

        var signer = AcmeAccountKeys.Parse(secret, key, out var error);
        return (signer, error);
    }

    private async Task<V1Secret> CreateAsync(string @namespace, string name, string key, CancellationToken cancellationToken)
    {
        using var generated = JwsSigners.CreateEs256();
        var secret = AcmeAccountKeys.NewSecret(@namespace, name, key, generated.ExportPrivateKeyPem());
        try
        {
            var created = await _secrets.CreateAsync(secret, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Generated an ES256 ACME account key into Secret {Namespace}/{Name}", @namespace, name);
            return created;
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
        {
            // Another reconcile (or the user) created it first: theirs wins, ours is discarded.
            return await _secrets.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Secret {@namespace}/{name} already exists but cannot be read");
        }
    }
}
