import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Webhook requests over plain HTTP/1.1 on SwiftNIO's event loops: each request its own
/// connection with its own deadline, so a stalled endpoint only holds idle channels and never
/// a thread or a queue another destination needs. (`https` URLs go through
/// `URLSessionWebhookTransport`.)
public struct NIOWebhookTransport: WebhookTransport {
    let group: any EventLoopGroup

    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    public func send(_ request: WebhookRequest) async -> WebhookResponse {
        guard let host = request.url.host else { return WebhookResponse(status: 0, detail: "no host") }
        let port = request.url.port ?? 80
        var path = request.url.path.isEmpty ? "/" : request.url.path
        if let query = request.url.query { path += "?" + query }
        let promise = group.next().makePromise(of: WebhookResponse.self)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(min(request.timeout, 10) * 1000)))
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap {
                    channel.pipeline.addHandler(ResponseCollector(promise: promise))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            let deadline = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(request.timeout * 1000))) {
                promise.fail(TransportError.timedOut)
                channel.close(promise: nil)
            }
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
            head.headers.add(name: "Host", value: port == 80 ? host : "\(host):\(port)")
            head.headers.add(name: "Content-Length", value: String(request.body.count))
            head.headers.add(name: "Connection", value: "close")
            for (name, value) in request.headers { head.headers.add(name: name, value: value) }
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: request.body))), promise: nil)
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
            let response = try await promise.futureResult.get()
            deadline.cancel()
            channel.close(promise: nil)
            return response
        } catch {
            promise.fail(error)
            return WebhookResponse(status: 0, detail: "\(error)")
        }
    }

    enum TransportError: Error, CustomStringConvertible {
        case timedOut, closedEarly
        var description: String { self == .timedOut ? "timed out" : "connection closed before the answer" }
    }

    /// Collects one response's head and the start of its body, then completes the promise.
    final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPClientResponsePart
        let promise: EventLoopPromise<WebhookResponse>
        var head: HTTPResponseHead?
        var body = ByteBuffer()

        init(promise: EventLoopPromise<WebhookResponse>) {
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body(var b): if body.readableBytes < 300 { body.writeBuffer(&b) }
            case .end:
                let h = head
                promise.succeed(
                    WebhookResponse(
                        status: Int(h?.status.code ?? 0),
                        retryAfter: WebhookResponse.retryAfter(h?.headers.first(name: "Retry-After"), now: Date()),
                        detail: String(
                            buffer: body.getSlice(at: body.readerIndex, length: min(300, body.readableBytes)) ?? body)))
                context.close(promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(TransportError.closedEarly)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }
    }
}
