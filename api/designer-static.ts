import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * The designer, a static single-page app built into `root`: its files as they are, and its
 * index.html for every other page path (a deep link such as /patients/j-1), never for the API.
 *
 * The index is sent relative to `root`, so only the requested part of the path is checked for
 * dot-named folders. @nestjs/serve-static sent it by absolute path, which `send` answers with a
 * 404 when any folder above it starts with a dot: a checkout under ~/.local/src lost every deep link.
 */
export function designerStatic(root: string): RequestHandler[] {
  const index: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path === '/api' || request.path.startsWith('/api/');
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi) return next();
    response.sendFile('index.html', { root }, (error?: Error) => {
      if (error && !response.headersSent) next(error);
    });
  };
  return [express.static(root), index];
}
