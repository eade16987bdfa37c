using System.IO.Compression;
using System.Net.Http.Headers;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Tests.Outbound;

/// <summary>Bodies are read up to a cap, counted after decompression, and refused one byte past it.</summary>
public class BoundedContentTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(100_000, 100_000)]
    public async Task A_body_up_to_the_cap_is_read_whole(int length, long cap)
    {
        var body = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var read = await BoundedContent.ReadAsBytesAsync(new ByteArrayContent(body), cap, None);

        Assert.Equal(body, read);
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(2_000_000, 1024 * 1024)]
    public async Task A_body_over_the_cap_is_refused(int length, long cap)
    {
        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(
            () => BoundedContent.ReadAsBytesAsync(new StreamContent(new MemoryStream(new byte[length])), cap, None));

        Assert.Equal(cap, error.LimitBytes);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        var stream = new CountingStream(new MemoryStream(new byte[100]));
        var content = new StreamContent(stream);
        content.Headers.ContentLength = 100;

        await Assert.ThrowsAsync<ResponseTooLargeException>(() => BoundedContent.ReadAsBytesAsync(content, 10, None));
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Decompressed_bytes_count_and_reading_stops_at_the_cap()
    {
        // 64 MiB of zeros as gzip (about 64 KB), inflated lazily as the reader asks.
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        compressed.Position = 0;
        var inflating = new CountingStream(new GZipStream(compressed, CompressionMode.Decompress));

        await Assert.ThrowsAsync<ResponseTooLargeException>(() => BoundedContent.ReadAsync(inflating, 1024 * 1024, None));
        Assert.InRange(inflating.BytesRead, 1024 * 1024 + 1, 1024 * 1024 + 1);
    }

    [Fact]
    public void Limits_read_well_in_messages()
    {
        Assert.Equal("1 MiB", BoundedContent.Describe(1024 * 1024));
        Assert.Equal("4 KiB", BoundedContent.Describe(4096));
        Assert.Equal("1000 bytes", BoundedContent.Describe(1000));
        Assert.Equal("the response exceeds the limit of 2 MiB", new ResponseTooLargeException(2 * 1024 * 1024).Message);
    }

    [Fact]
    public async Task Text_is_utf8()
    {
        var content = new StringContent("grüße");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        Assert.Equal("grüße", await BoundedContent.ReadAsStringAsync(content, 100, None));
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
