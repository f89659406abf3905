/** The reply page's texts in the body's language (bokmål unless it writes nynorsk). */
import { t } from "./nb.js";
import { nbReplyPage } from "./nb-reply-page.js";
import { nnReply } from "./nn-reply.js";
import { nnReplyPage } from "./nn-reply-page.js";

export const replyTexts = (language?: "nb" | "nn") =>
  language === "nn" ? { ...nnReply, page: nnReplyPage } : { ...t.reply, page: nbReplyPage };
export type ReplyTexts = ReturnType<typeof replyTexts>;
