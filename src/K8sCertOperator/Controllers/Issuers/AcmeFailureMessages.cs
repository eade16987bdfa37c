using System.Net.Sockets;
using System.Security.Authentication;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Turns a failed account registration into a message a user can act on (TLS trust, unreachable server,
/// external account binding, not an ACME server). Messages come from exception text, which never holds key material.
/// </summary>
public static class AcmeFailureMessages
{
    public static string Describe(Exception error, Uri server)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(server);
        var detail = Flatten(error);
        if (Find<AuthenticationException>(error) is not null)
        {
            return $"TLS error talking to the ACME server {server} (set spec.acme.caBundle when it uses a private CA): {detail}";
        }

        if (Find<SocketException>(error) is not null || Find<HttpRequestException>(error) is not null)
        {
            return $"cannot reach the ACME server {server}: {detail}";
        }

        if (error is AcmeProtocolException acme)
        {
            if (acme.IsExternalAccountRequired)
            {
                return $"the ACME server {server} requires an external account binding (spec.acme.externalAccountBinding): {detail}";
            }

            if (acme.IsUnauthorized || acme.IsMalformed)
            {
                return $"the ACME server {server} rejected the account registration: {detail}";
            }

            if (acme.HttpStatus == 0 || acme.HttpStatus == 404)
            {
                // No problem document, or nothing at that path: usually the URL is not an ACME directory.
                return $"{server} did not answer as an ACME directory (check spec.acme.server): {detail}";
            }
        }

        if (error is FormatException)
        {
            return $"invalid external account binding MAC key: {detail}";
        }

        return $"failed to register an ACME account with {server}: {detail}";
    }

    /// <summary>The first exception of type <typeparamref name="T"/> in the inner-exception chain.</summary>
    public static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    // Outer message plus the innermost cause, since the outer wrapper alone often hides the real reason.
    private static string Flatten(Exception error)
    {
        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, error) || error.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? error.Message
            : $"{error.Message} ({innermost.Message})";
    }
}
