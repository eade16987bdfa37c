using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Keeps the derived Secret keys (additionalOutputFormats, keystores) in step with tls.key/tls.crt/ca.crt and the
/// spec. It only rewrites those keys and the digest annotation: output or password changes never re-issue.
/// A missing keystore password halts with Ready=False (<see cref="CertificateReasons.KeystorePasswordMissing"/>).
/// </summary>
public sealed class SecretOutputsStep : ICertificateStep
{
    // Password Secrets are not watched (only managed Secrets are): look again for one that was missing.
    private static readonly TimeSpan MissingPasswordRecheck = TimeSpan.FromSeconds(30);

    private readonly CertificateOperations _ops;

    public SecretOutputsStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "secret-outputs";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Secret is not { Data: { } data } secret)
        {
            return StepResult.Continue;
        }

        var keystores = state.Spec.Keystores;
        var pkcs12 = await ResolveAsync(state, "pkcs12", keystores?.Pkcs12 is { Create: true } p ? (p.Password, p.PasswordSecretRef) : null, cancellationToken).ConfigureAwait(false);
        var jks = await ResolveAsync(state, "jks", keystores?.Jks is { Create: true } j ? (j.Password, j.PasswordSecretRef) : null, cancellationToken).ConfigureAwait(false);
        if ((pkcs12.Problem ?? jks.Problem) is { } problem)
        {
            await _ops.HaltAsync(state, CertificateReasons.KeystorePasswordMissing, problem, cancellationToken).ConfigureAwait(false);
            return StepResult.Done(MissingPasswordRecheck);
        }

        var current = new Dictionary<string, byte[]>(data);
        var annotations = secret.Metadata?.Annotations is { } a ? new Dictionary<string, string>(a) : null;
        SecretOutputs? outputs;
        try
        {
            outputs = SecretOutputsBuilder.Build(current, annotations, state.Spec, new ResolvedKeystorePasswords(pkcs12.Password, jks.Password));
        }
        catch (UnsupportedKeystoreProfileException e)
        {
            await _ops.HaltAsync(state, CertificateReasons.KeystoreProfileUnsupported, e.Message, cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }
        catch (PkiException)
        {
            // tls.key/tls.crt unreadable: the re-issue chain replaces them, then the outputs follow.
            return StepResult.Continue;
        }

        if (outputs is null || SecretOutputsBuilder.InStep(current, annotations, outputs))
        {
            return StepResult.Continue;
        }

        var desired = Rewrite(secret, outputs);
        var written = await _ops.Context.Apis.Secrets.ReplaceAsync(desired, cancellationToken).ConfigureAwait(false);
        _ops.SecretWrites.Record(written);
        state.Secret = written;
        return StepResult.Continue;
    }

    /// <summary>A copy of <paramref name="secret"/> with exactly the derived keys and digest of <paramref name="outputs"/>.</summary>
    public static V1Secret Rewrite(V1Secret secret, SecretOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(outputs);
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>());
        foreach (var k in Policies.SecretKeys.Derived)
        {
            data.Remove(k);
        }

        foreach (var (k, v) in outputs.Data)
        {
            data[k] = v;
        }

        var annotations = secret.Metadata?.Annotations is { } a ? new Dictionary<string, string>(a) : new Dictionary<string, string>();
        if (outputs.KeystoreDigest is { } digest)
        {
            annotations[AnnotationKeys.KeystoreDigest] = digest;
        }
        else
        {
            annotations.Remove(AnnotationKeys.KeystoreDigest);
        }

        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = secret.Metadata?.Name,
                NamespaceProperty = secret.Metadata?.NamespaceProperty,
                ResourceVersion = secret.Metadata?.ResourceVersion,
                Labels = secret.Metadata?.Labels,
                Annotations = annotations,
                OwnerReferences = secret.Metadata?.OwnerReferences,
                Finalizers = secret.Metadata?.Finalizers,
            },
            Type = secret.Type,
            Data = data,
        };
    }

    private async Task<(string? Password, string? Problem)> ResolveAsync(
        CertificateSyncState state, string store, (string? Literal, SecretKeySelector? Ref)? source, CancellationToken cancellationToken)
    {
        if (source is not { } s)
        {
            return (null, null);
        }

        if (!string.IsNullOrEmpty(s.Literal))
        {
            return (s.Literal, null);
        }

        if (s.Ref is not { Name.Length: > 0 } reference)
        {
            return (null, $"spec.keystores.{store} needs a non-empty password or passwordSecretRef");
        }

        var key = string.IsNullOrEmpty(reference.Key) ? KeystorePasswords.DefaultSecretKey : reference.Key;
        var passwordSecret = await _ops.Context.Apis.Secrets.GetAsync(state.Namespace, reference.Name, cancellationToken).ConfigureAwait(false);
        if (passwordSecret is null)
        {
            return (null, $"The {store} keystore password Secret \"{reference.Name}\" does not exist");
        }

        if (passwordSecret.Data?.TryGetValue(key, out var value) != true || value is not { Length: > 0 })
        {
            return (null, $"The {store} keystore password Secret \"{reference.Name}\" has no non-empty key \"{key}\"");
        }

        return (Encoding.UTF8.GetString(value), null);
    }
}
