// Shared by the benchmark pages: resolves with the time of the first decoded frame of a video,
// measured from `startedAt` (performance.now() units).
export function firstDecodedFrame(video, startedAt) {
  return new Promise((resolve) => {
    video.requestVideoFrameCallback(() => resolve(performance.now() - startedAt));
  });
}

export function attachRemoteVideo(stream, uid) {
  const video = document.createElement("video");
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  video.dataset.uid = uid;
  video.srcObject = stream;
  document.body.append(video);
  return video;
}
