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
        Kube.Client.KubeApiException => true,
        _ => false,
    };

    public static string Describe(Exception e) => e switch
    {
        OperationCanceledException => "timed out",
        _ when Find<AuthenticationException>(e) is { } tls => "TLS: " + tls.Message + " (is --ca-bundle right?)",
        AcmeProtocolException { Type: not null } p => $"ACME server said {p.Type}: {p.Detail ?? p.Message}",
        _ => e.Message,
    };

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}
