import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// One HTTP/1.1 exchange over SwiftNIO for the scale-out sinks (S3, ClickHouse): a request with
/// a whole body, the whole answer back (status, headers, body up to a ceiling).
///
/// Each request has its own connection and deadline (webhooks keep theirs alive): sink
/// batches are large and few, so connection reuse would save little and a stalled server only
/// ever holds one idle channel. `https` endpoints go through NIOSSL with the system's roots.
struct HTTPExchange: Sendable {
    let group: any EventLoopGroup
    let timeout: TimeAmount
    let maxResponseBytes: Int

    init(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, timeout: TimeAmount = .seconds(120),
        maxResponseBytes: Int = 1 << 30
    ) {
        self.group = group
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// Sends one request to the URL's host and port and waits for the whole answer.
    /// - Throws: `HTTPExchange.Failure` when the server cannot be reached or does not answer in time.
    func send(method: HTTPMethod, url: URL, uri: String, headers: [(String, String)], body: [UInt8]) async throws
        -> Response
    {
        guard let host = url.host else { throw Failure("\(url.absoluteString) has no host") }
        let tls = url.scheme == "https"
        let port = url.port ?? (tls ? 443 : 80)
        let promise = group.next().makePromise(of: Response.self)
        let sslContext = tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let limit = maxResponseBytes
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                do {
                    if let sslContext {
                        let handler = try NIOSSLClientHandler(context: sslContext, serverHostname: host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(Collector(promise: promise, limit: limit))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            let deadline = channel.eventLoop.scheduleTask(in: timeout) {
                promise.fail(Failure("no answer within \(timeout.nanoseconds / 1_000_000_000) s"))
                channel.close(promise: nil)
            }
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            head.headers.add(name: "Content-Length", value: String(body.count))
            head.headers.add(name: "Connection", value: "close")
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if !body.isEmpty {
                channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))), promise: nil)
            }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
            defer {
                deadline.cancel()
                channel.close(promise: nil)
            }
            return try await promise.futureResult.get()
        } catch let error as Failure {
            throw error
        } catch {
            promise.fail(error)
            throw Failure("\(url.absoluteString): \(error)")
        }
    }

    /// No answer: the connection failed, closed early, or timed out.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Collects one response's head and body, then completes the promise.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPClientResponsePart
        let promise: EventLoopPromise<Response>
        let limit: Int
        var head: HTTPResponseHead?
        var body: [UInt8] = []

        init(promise: EventLoopPromise<Response>, limit: Int) {
            self.promise = promise
            self.limit = limit
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body(var b):
                if body.count + b.readableBytes > limit {
                    promise.fail(Failure("the answer is larger than \(limit) bytes"))
                    context.close(promise: nil)
                    return
                }
                body += b.readBytes(length: b.readableBytes) ?? []
            case .end:
                promise.succeed(Response(status: Int(head?.status.code ?? 0), headers: head?.headers ?? [:], body: body))
                context.close(promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(Failure("the connection closed before the answer was complete"))
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }
    }
}
