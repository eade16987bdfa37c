using System.Text;

namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// A response as data: status, content type and a body that is either text or written by a
/// callback (the Prometheus exporter writes to a stream). The server buffers the body to send an
/// exact Content-Length, and sends no body to HEAD.
/// </summary>
public sealed record HttpAnswer
{
    public const string PlainText = "text/plain; charset=utf-8";

    private HttpAnswer(int status, string contentType, string? text, Func<Stream, CancellationToken, Task>? writer)
    {
        Status = status;
        ContentType = contentType;
        Text = text;
        Writer = writer;
    }

    public int Status { get; }

    public string ContentType { get; }

    /// <summary>The body as text (sent as UTF-8), or null when <see cref="Writer"/> produces it.</summary>
    public string? Text { get; }

    public Func<Stream, CancellationToken, Task>? Writer { get; }

    public static HttpAnswer Plain(int status, string text) => new(status, PlainText, text, null);

    public static HttpAnswer Content(int status, string contentType, string text) => new(status, contentType, text, null);

    public static HttpAnswer Streamed(int status, string contentType, Func<Stream, CancellationToken, Task> writer) =>
        new(status, contentType, null, writer);

    public static HttpAnswer NotFound() => Plain(404, "not found");

    public static HttpAnswer MethodNotAllowed() => Plain(405, "method not allowed");

    /// <summary>The whole body, rendered before anything is sent so a failing writer can still become a 500.</summary>
    public async Task<ReadOnlyMemory<byte>> RenderBodyAsync(CancellationToken cancellationToken)
    {
        if (Writer is null)
        {
            return Encoding.UTF8.GetBytes(Text ?? string.Empty);
        }
        using var buffer = new MemoryStream();
        await Writer(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
