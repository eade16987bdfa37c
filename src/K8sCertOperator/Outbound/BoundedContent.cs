using System.Buffers;
using System.Globalization;
using System.Text;

namespace K8sCertOperator.Outbound;

/// <summary>
/// Reads an HTTP body a peer controls without trusting its size: stops with <see cref="ResponseTooLargeException"/>
/// as soon as one byte more than the cap arrives. Bytes are counted as the caller sees them, so with automatic
/// decompression a gzip bomb is refused while inflating, never allocated whole. Use it with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/>; ResponseContentRead would buffer the whole body first.
/// </summary>
public static class BoundedContent
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body, at most <paramref name="maxBytes"/> long.</summary>
    public static async Task<byte[]> ReadAsBytesAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        // A declared length over the cap is refused before reading; without decompression it is the real length.
        if (content.Headers.ContentLength is { } declared && declared > maxBytes && content.Headers.ContentEncoding.Count == 0)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The body as UTF-8 text, at most <paramref name="maxBytes"/> bytes long.</summary>
    public static async Task<string> ReadAsStringAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await ReadAsBytesAsync(content, maxBytes, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads <paramref name="stream"/> to its end, at most <paramref name="maxBytes"/> bytes.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var collected = new MemoryStream();
            while (true)
            {
                // Never ask for more than one byte past the cap: that byte is enough to know the body is too big.
                var want = (int)Math.Min(chunk.Length, maxBytes - collected.Length + 1);
                var read = await stream.ReadAsync(chunk.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return collected.ToArray();
                }

                if (collected.Length + read > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }

                collected.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>"1 MiB", "4 KiB" or "123 bytes", for messages.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
