using System.CommandLine;
using System.Text;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// `create certificaterequest NAME --from-certificate FILE`, like cmctl's: generates the key the Certificate's
/// privateKey asks for, writes it to a new file only the user can read (0600), creates a CertificateRequest with the
/// CSR, waits for it to be Ready and saves the signed chain. The key never leaves this machine.
/// </summary>
public static class CreateCertificateRequestCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("NAME") { Description = "Name of the CertificateRequest to create" };
        var from = new Option<string>("--from-certificate") { Description = "Certificate manifest (YAML or JSON; k8scert.io or cert-manager.io) whose spec is requested", Required = true };
        var keyFile = new Option<string?>("--output-key-file") { Description = "Where to write the new private key (default NAME.key; must not exist)" };
        var certFile = new Option<string?>("--output-certificate-file") { Description = "Where to write the signed chain (default NAME.crt)" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for the request to be Ready", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var command = new Command("certificaterequest", "Create a CertificateRequest from a Certificate manifest, with a key generated here");
        command.Aliases.Add("cr");
        command.Arguments.Add(name);
        command.Options.Add(from);
        command.Options.Add(keyFile);
        command.Options.Add(certFile);
        command.Options.Add(timeout);
        cluster.AddTo(command, allNamespaces: false, output: false, apiMode: true);
        command.SetAction(async (parse, ct) =>
        {
            var (client, ns) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                var n = parse.GetValue(name)!;
                return await RunAsync(client, ns ?? "default", n, parse.GetValue(from)!, parse.GetValue(keyFile) ?? n + ".key", parse.GetValue(certFile) ?? n + ".crt",
                    parse.GetValue(timeout), Console.Out, Console.Error, ct, parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
            }
        });
        var create = new Command("create", "Create a resource");
        create.Subcommands.Add(command);
        return create;
    }

    /// <param name="apiMode">The API the request is created in (default k8scert.io; auto: the manifest's apiVersion's).</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string ns, string name, string certificateFile, string keyFile, string certificateOutFile, TimeSpan timeout,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        CertificateIssuanceParameters parameters;
        Certificate certificate;
        try
        {
            var manifest = Manifests.YamlManifest.Single(await File.ReadAllTextAsync(certificateFile, cancellationToken).ConfigureAwait(false))
                ?? throw new FormatException("the file holds no document");
            certificate = KubeJson.Deserialize<Certificate>(manifest.ToJsonString());
            parameters = CertificateTemplateFactory.Create(certificate.Spec);
            CertificateTemplateEncoder.EnsureValid(parameters.Template);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or PkiException or ArgumentException or FormatException)
        {
            await stderr.WriteLineAsync($"error: {certificateFile}: {e.Message} (give one Certificate as YAML or JSON)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var key = PrivateKeyGenerator.Generate(parameters.PrivateKey);
        try
        {
            WriteKeyFile(keyFile, key.ExportPem(parameters.PrivateKey.Encoding));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: writing the private key to {keyFile}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await stdout.WriteLineAsync($"Private key written to {keyFile}").ConfigureAwait(false);
        var flavor = (apiMode ?? ApiModeChoice.K8sCert).ForApiVersion(certificate.ApiVersion);
        var api = new OperatorApis(client, flavor).CertificateRequests;
        if (certificate.Spec.IssuerRef.Group is { } group)
        {
            // A k8scert.io manifest's issuer group, spelled as the API the request goes to spells it.
            certificate.Spec.IssuerRef.Group = flavor.ToWireDomain(group);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await api.CreateAsync(new CertificateRequest
            {
                Metadata = new()
                {
                    Name = name,
                    NamespaceProperty = ns,
                    Annotations = string.IsNullOrEmpty(certificate.Spec.SignatureAlgorithm)
                        ? null
                        : new Dictionary<string, string> { [AnnotationKeys.SignatureAlgorithm] = certificate.Spec.SignatureAlgorithm },
                },
                Spec = new CertificateRequestSpec
                {
                    Request = Encoding.ASCII.GetBytes(CsrBuilder.BuildPem(key, parameters.Template)),
                    IssuerRef = certificate.Spec.IssuerRef,
                    Duration = certificate.Spec.Duration,
                    Usages = certificate.Spec.Usages,
                    IsCA = certificate.Spec.IsCA,
                },
            }, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync($"CertificateRequest {ns}/{name} created; waiting for it to be Ready").ConfigureAwait(false);
            while (true)
            {
                var request = await api.GetAsync(ns, name, deadline.Token).ConfigureAwait(false)
                    ?? throw new KubeApiException(KubeApiErrorKind.NotFound, null, $"CertificateRequest {ns}/{name} was deleted");
                var ready = ConditionSet.Find(request.Status?.Conditions, ConditionTypes.Ready);
                if (ready?.Status == ConditionStatus.True && request.Status!.Certificate is { Length: > 0 } chain)
                {
                    await File.WriteAllBytesAsync(certificateOutFile, chain, cancellationToken).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"Certificate written to {certificateOutFile}").ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                if (request.Status?.FailureTime is not null)
                {
                    await stderr.WriteLineAsync($"error: CertificateRequest {ns}/{name} failed ({ready?.Reason}): {ready?.Message}").ConfigureAwait(false);
                    return ExitCodes.Failed;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"error: CertificateRequest {ns}/{name} was not Ready within {timeout}; the key stays in {keyFile}").ConfigureAwait(false);
            return ExitCodes.Timeout;
        }
        catch (Exception e) when (e is KubeApiException or IOException || CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    // A new file, readable by its owner only from the moment it exists; an existing key is never overwritten.
    private static void WriteKeyFile(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.ASCII.GetBytes(pem));
    }
}
