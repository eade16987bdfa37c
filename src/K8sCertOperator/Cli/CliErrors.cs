using System.Security.Authentication;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli;

/// <summary>Turns expected failures into one clear line; anything else stays a crash with a stack.</summary>
public static class CliErrors
{
    public static bool IsReportable(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AcmeProtocolException or AcmeAuthorizationFailedException or AcmeOrderFailedException or AcmeChallengeNotSupportedException => true,
        HttpRequestException or AuthenticationException or TimeoutException => true,
        PkiException or IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or NotSupportedException => true,
        Solvers.Dns01.DnsProviderException => true,
        k8s.Autorest.HttpOperationException => true,
        _ => false,
    };

    public static string Describe(Exception e) => e switch
    {
        OperationCanceledException => "timed out",
        AcmeProtocolException p => $"ACME server said {p.Type ?? "error"}: {p.Detail ?? p.Message}",
        HttpRequestException h when h.InnerException is AuthenticationException a => "TLS: " + a.Message + " (is --ca-bundle right?)",
        k8s.Autorest.HttpOperationException h => $"Kubernetes API {(int)h.Response.StatusCode}: {h.Response.Content}",
        _ => e.Message,
    };
}
