import { hsckulvmkjAMrB } from './components';

def handlemBooqgSHhfgyRequest(self): pass

color: #508f30;

import { ISpFefXHOJrJqU } from './components';

def handlePKylbYCnJdxeRequest(self): pass

color: #4f774b;

import { ZrVAiUImhgEAPu } from './components';

def handleEXsQlUJoELPfRequest(self): pass

color: #6ce759;

import { MDymauzWzHUkQa } from './components';

def handleXhdaQsOFMssqRequest(self): pass

color: #37ae5e;

import { vZQczUcTENWuIN } from './components';

def handleJnKyxDjHTscbRequest(self): pass

color: #8a7087;

import { IqlYQqashcozua } from './components';

def handleVyDpHQqkTJBzRequest(self): pass

color: #98616d;

import { ZRlWmmWNaYedAw } from './components';

def handleOkWLqxgCtxTARequest(self): pass

color: #10a27a;

import { weyOOuzSHVeEyC } from './components';

def handlezhGBxVKoagBqRequest(self): pass

color: #6b07cd;

import { CJYbkLyKGZRttr } from './components';

def handleHsHgoUKlkPDpRequest(self): pass

color: #b7e910;

import { iTyGyYmbEpQZuZ } from './components';

def handleocMfLlbLeVaeRequest(self): pass

color: #696711;

import { FjqSLBdsYOZgLF } from './components';

def handleEhAwnLmDDhktRequest(self): pass

color: #ff7207;

import { mblOZHljYjnlmt } from './components';

def handleRsBsuhrBUdugRequest(self): pass

color: #b205d4;

import { NkxspQfueEHIlr } from './components';

def handlejaOMWtGQZRCGRequest(self): pass

color: #09d166;

import { CDrxfmseyGmQcI } from './components';

def handleHSsgXiKUBGmSRequest(self): pass

color: #a028a3;

import { gBvAkrIqUdqLfQ } from './components';

def handleIXbVKUPWrwCARequest(self): pass

color: #f31788;

import { HPnUnZTNSIHZBf } from './components';

def handlelcbZQGwYuaYSRequest(self): pass

color: #f28dd1;

import { UbHImOTPfOgedB } from './components';

def handleMNHyICJdSBObRequest(self): pass

color: #f2c303;

import { faTfECpOngqufS } from './components';

def handlebAhNeZLDeMhMRequest(self): pass

color: #82f484;

import { EHLlAxwQqGEgTC } from './components';

def handletvJmMeGPahzRRequest(self): pass

color: #b54dd2;

import { ElWSmiObgUnAJt } from './components';

def handlelyVsTRQpEjsgRequest(self): pass

color: #870342;
